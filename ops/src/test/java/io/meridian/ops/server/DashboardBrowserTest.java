package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.OpsConfig;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium
 * through {@code /usr/bin/chromedriver}; nothing is downloaded): the page loads without console errors, shows the
 * running engine's state (instruments, prices, the charts' data), and a halt clicked in the page (after the token is
 * entered once) appears in {@code /status} and in the journal as an OPERATOR record of the token's operator; the
 * page re-renders at least once a second, resume and cancel-all clicked in it are journaled too, and the
 * working-orders and rejects tables fill from the running engine.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardBrowserTest
{
    private static final String SECRET = "browser-test-secret-0123456789";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private static ChromeDriver browser(final Path profile)
    {
        assertTrue(Files.isExecutable(CHROMIUM), "missing " + CHROMIUM + ": install the Debian package 'chromium' "
            + "(.ci/run does it)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "missing " + CHROMEDRIVER + ": install the Debian package "
            + "'chromium-driver' (.ci/run does it)");
        // never let Selenium Manager look for or download a driver or browser
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile);
        final LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static long sequence(final ChromeDriver driver)
    {
        final Matcher m = Pattern.compile("journaled as sequence (\\d+)")
            .matcher(driver.findElement(By.id("message")).getText());
        assertTrue(m.find(), driver.findElement(By.id("message")).getText());
        return Long.parseLong(m.group(1));
    }

    /** The page re-renders from /status at least once a second: times the replacements of a table body. */
    private static void assertRendersAtLeastOnceASecond(final ChromeDriver driver) throws InterruptedException
    {
        driver.executeScript("window.renders = []; new MutationObserver(() => window.renders.push("
            + "performance.now())).observe(document.querySelector('#positions tbody'), {childList: true});");
        Thread.sleep(3_500);
        // the page polls every 500 ms, so about 7 renders are due; 3 leaves room for a loaded CI machine without
        // asserting a gap between two of them (a scheduling delay is not a failure of the page)
        final List<?> renders = (List<?>)driver.executeScript("return window.renders;");
        assertTrue(renders.size() >= 3, "renders in 3.5 s: " + renders);
    }

    /** A running, active engine keeps orders working; the rejects show one row per reason /status reports. */
    private static void assertWorkingOrdersAndRejectsShown(final ChromeDriver driver, final String url)
        throws Exception
    {
        final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // a running, active engine keeps orders working: the working-orders table fills from /status
        wait.until(d -> !d.findElements(By.cssSelector("#working tbody tr")).isEmpty());
        final String working = driver.findElement(By.cssSelector("#working tbody")).getText();
        assertTrue(working.matches("(?s)(MRD[A-Z] \\d+ (BUY|SELL) [0-9.,]+ \\d+\\s*)+"), working);
        // rejects by reason, one row per reason /status reports
        final JsonNode rejects = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url + "/status")).build(),
            HttpResponse.BodyHandlers.ofString()).body()).get("rejects");
        assertTrue(rejects.size() > 0, rejects.toString());
        final String orders = driver.findElement(By.cssSelector("#orders tbody")).getText();
        rejects.fieldNames().forEachRemaining(reason ->
            assertTrue(orders.contains("rejects " + reason + " "), reason + " in " + orders));
    }

    @Test
    void shouldShowTheRunningEngineAndHaltItFromThePage() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final long haltSequence;
        final long resumeSequence;
        final long cancelAllSequence;
        try (LiveEngineAccess live = new LiveEngineAccess(journal);
            OpsServer server = OpsServer.start(live.engine(), OpsTokens.load("dana:" + SECRET, null),
                OpsConfig.DEFAULT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            final ChromeDriver driver = browser(Files.createDirectories(dir.resolve("chromium-profile")));
            try
            {
                driver.get(server.url() + "/");
                final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> "ACTIVE".equals(d.findElement(By.id("state")).getText()));
                wait.until(d -> d.findElements(By.cssSelector("#positions tbody tr")).size() == 3);
                assertTrue(driver.findElement(By.id("positions")).getText().contains("MRDA"));
                assertTrue(driver.findElement(By.id("run")).getText().contains("ops-test"));
                // the charts have received points: updates come at least once a second
                wait.until(d -> ((Number)driver.executeScript(
                    "return document.querySelectorAll('.u-over').length")).intValue() == 2
                    && !d.findElement(By.cssSelector("#latency tbody")).getText().isEmpty());
                final String before = driver.findElement(By.id("pnl")).getText();
                assertTrue(!before.isEmpty());

                driver.findElement(By.id("halt")).click();
                wait.until(d -> d.findElement(By.id("message")).getText().contains("enter the ops token first"));
                driver.findElement(By.id("token")).sendKeys(SECRET);
                driver.findElement(By.id("token-set")).click();
                assertTrue(driver.findElement(By.id("token")).getAttribute("value").isEmpty(),
                    "the token is not left in the page");
                driver.findElement(By.id("halt")).click();
                wait.until(d -> d.findElement(By.id("message")).getText().startsWith("halt: journaled as sequence"));
                final Matcher m = Pattern.compile("sequence (\\d+)")
                    .matcher(driver.findElement(By.id("message")).getText());
                assertTrue(m.find());
                haltSequence = Long.parseLong(m.group(1));
                wait.until(d -> "HALTED".equals(d.findElement(By.id("state")).getText()));
                final HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
                final JsonNode doc = new ObjectMapper().readTree(status.body());
                assertEquals("HALTED", doc.get("tradingState").asText());

                assertRendersAtLeastOnceASecond(driver);

                driver.findElement(By.id("resume")).click();
                wait.until(d -> d.findElement(By.id("message")).getText().startsWith("resume: journaled as sequence"));
                resumeSequence = sequence(driver);
                wait.until(d -> "ACTIVE".equals(d.findElement(By.id("state")).getText()));
                assertWorkingOrdersAndRejectsShown(driver, server.url());

                driver.findElement(By.id("cancel-all")).click();
                wait.until(d -> d.findElement(By.id("message")).getText()
                    .startsWith("cancel-all: journaled as sequence"));
                cancelAllSequence = sequence(driver);

                final List<String> severe = new ArrayList<>();
                for (final LogEntry entry : driver.manage().logs().get(LogType.BROWSER))
                {
                    if (entry.getLevel().intValue() >= Level.WARNING.intValue())
                    {
                        severe.add(entry.getLevel() + " " + entry.getMessage());
                    }
                }
                assertEquals(List.of(), severe, "console errors and warnings");
            }
            finally
            {
                driver.quit();
            }
        }
        final List<String> halts = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readInput((buffer, offset, length) ->
            {
                if (Header.type(buffer, offset) == RecordType.OPERATOR)
                {
                    halts.add(Header.sequence(buffer, offset) + " "
                        + OperatorCommand.name(OperatorCodec.command(buffer, offset)) + " "
                        + OperatorCodec.unpackOperator(OperatorCodec.operator(buffer, offset)));
                }
            });
        }
        assertEquals(List.of(haltSequence + " HALT dana", resumeSequence + " RESUME dana",
            cancelAllSequence + " CANCEL_ALL dana"), halts);
    }
}
