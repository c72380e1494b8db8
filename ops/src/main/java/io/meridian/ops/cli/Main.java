package io.meridian.ops.cli;

import io.meridian.config.ConfigException;
import io.meridian.engine.model.ModelMismatchException;
import io.meridian.journal.JournalException;
import io.meridian.runtime.launch.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code meridian} command line. Exit codes: 0 success, 1 the command ran and found a problem (replay
 * divergence, damaged journal), 2 the command could not run (usage, configuration, missing or unreadable input).
 */
public final class Main
{
    static final String HELP = String.join(System.lineSeparator(),
        "usage: meridian COMMAND [OPTIONS]",
        "",
        "commands:",
        "  demo [--events N] [--journal DIR] [--config FILE] [--set key=value]... [--summary-json FILE]",
        "       [--report FILE.html]",
        "       [--ops [--ops-token-file FILE]]",
        "         run the whole pipeline on the synthetic market and simulated venue (demo profile),",
        "         journal it, verify its replay and print a summary; --ops serves the ops API while it runs",
        "  backtest [same options as demo]",
        "         the same on the backtest profile",
        "  backtest --data DIR [--config FILE] [--journal DIR] [--set key=value]... [--summary-json FILE]",
        "       [--report FILE.html]",
        "         the pipeline on a data journal from 'import' (profile bars: fills at the next bar's open),",
        "         journal it, verify its replay and print the summary; --report also writes the tearsheet",
        "  run [--events N] [--journal DIR] [--config FILE] [--set key=value]... [--rate R]",
        "      [--ops-token-file FILE] [--no-ops]",
        "         the live topology (Disruptor rings, parallel journalers, publish after journal) against",
        "         the synthetic market and simulated venue, offered at R events/s (default 50000; 0 = unpaced);",
        "         with the ops server (prints 'ops: http://127.0.0.1:PORT', writes var/ops.url; token from",
        "         MERIDIAN_OPS_TOKEN or --ops-token-file)",
        "  status [--url URL]   the running engine's state, positions, P&L, orders, rejects, latency",
        "  halt | resume | cancel-all | flatten [--instrument SYM] [--reason TEXT] [--url URL] [--token-file FILE]",
        "         steer the running engine through its ops server (URL default from var/ops.url);",
        "         exit 0 accepted, 1 refused, 2 cannot reach",
        "  run --profile paper-ib|live-ib [--host H] [--port P] [--client-id N] [--account A] [--conids SYM=ID,..]",
        "      [--seconds S] [--journal DIR] [--config FILE] [--set key=value]... [--live --confirm-account A]",
        "         the engine against TWS / IB Gateway or ib-sim (paper 7497, live 7496), journaled; after S seconds",
        "         (default: until killed) it verifies the replay; live-ib needs --live and the account confirmed",
        "  replay --journal DIR --verify [--set key=value]...",
        "         rebuild the engine from the journal's manifest, replay its inputs and compare every decision",
        "         (exit 1 also when a record is corrupt: its checksum does not match)",
        "  journal dump DIR      print one line per record",
        "  journal stats DIR     counts per record type, time span, size",
        "  journal verify DIR    check every record's CRC32C checksum in both queues and the manifest:",
        "         'journal: ok, N records' or the queue, index and sequence of the first corrupt record (exit 1)",
        "  report --journal DIR [MORE_DIRS...] [--out report.html] [--json report.json] [--returns-csv FILE]",
        "         [--tca-csv FILE] [--trials N --trials-sharpe-var V] [--summary-json DEMO_SUMMARY.json] [--verify]",
        "         [--baseline]",
        "         statistics (Sharpe, Sortino, drawdown, PSR, DSR), costs, TCA and an HTML tearsheet of a journal;",
        "         several journals are trials: the best is reported, deflated by their number and Sharpe variance",
        "  train --journal DIR --out FILE.onnx",
        "         train a linear model on the engine's features of a journal's market data (Tribuo), export ONNX",
        "  import --csv FILE [--kind bars|quotes|trades] [--symbol SYM] [--tz ZONE] [--strict] --out DIR",
        "         [--price-scale N] [--qty-scale N] [--instrument-id N] [--bar-seconds S]",
        "         a CSV file into a data journal (BAR/QUOTE/TRADE records); prints rejected rows by reason",
        "  data check FILE|DIR [--kind bars|quotes|trades] [--tz ZONE] [--symbol SYM] [--calendar FILE]",
        "         data-quality report of a CSV file or a data journal: rejects by reason, coverage against the",
        "         session calendar, gaps, jumps > 20%, stale runs, zero-volume bars (exit 1 on any finding)",
        "  features --data FILE.csv --out OUT.csv [--config FILE] [--indicators ID,ID,...] [--tz ZONE]",
        "         the engine's indicator catalogue over a bars file: one row per bar, one column per output",
        "         (default: every bar indicator; or the config's features.indicators; or --indicators)",
        "  bench latency [--rate R] [--events N]    end-to-end latency harness (coordinated-omission corrected)",
        "  bench replay [--events N]                replay throughput of a demo journal",
        "  bench import [--rows N] [--rounds R]     CSV import rows/s (FastCSV raw parse as baseline) and",
        "                                           backtest --data events/s on the imported file",
        "  bench jmh [JMH OPTIONS]                  the JMH benchmarks",
        "  risk report [--config FILE] [--set key=value]... [--out FILE.md]",
        "         the SEC 15c3-5 / MiFID II RTS 6 control report of the effective config: every requirement,",
        "         the checks and kill switches that meet it with their limits, reason codes and tests",
        "         (exit 1 when a requirement is not met by any control that is on)",
        "  ib-sim [--port PORT] [--config FILE] [--faults SPEC] [--seconds S]",
        "         a fault-injecting TWS API simulator on 127.0.0.1 (default port 7497) for the IB client",
        "  help, --help          this text",
        "",
        "exit codes: 0 success, 1 problem found (e.g. replay diverged, corrupt journal record), 2 could not run",
        "(usage, config, unreadable input, a journal of another format version: written before checksums)");

    private Main()
    {
    }

    /**
     * Entry point.
     *
     * @param argv the command line.
     */
    public static void main(final String[] argv)
    {
        final int code = run(Arrays.asList(argv), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs a command line and returns its exit code (for tests).
     *
     * @param argv the command line.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        if (argv.isEmpty() || "help".equals(argv.get(0)) || "--help".equals(argv.get(0)) || "-h".equals(argv.get(0)))
        {
            out.println(HELP);
            return argv.isEmpty() ? 2 : 0;
        }
        final String command = argv.get(0);
        final List<String> rest = argv.subList(1, argv.size());
        try
        {
            switch (command)
            {
                case "demo":
                    return DemoCommand.run(command, rest, out, err);
                case "backtest":
                    return BacktestDataCommand.wanted(rest)
                        ? BacktestDataCommand.run(rest, out, err) : DemoCommand.run(command, rest, out, err);
                case "run":
                    return RunCommand.run(rest, out, err);
                case "replay":
                    return ReplayCommand.run(rest, out, err);
                case "journal":
                    return JournalCommand.run(rest, out);
                case "train":
                    return TrainCommand.run(rest, out, err);
                case "report":
                    return ReportCommand.run(rest, out, err);
                case "status":
                case "halt":
                case "resume":
                case "cancel-all":
                case "flatten":
                    return OpsVerbs.run(command, rest, out, err);
                case "import":
                    return ImportCommand.run(rest, out, err);
                case "data":
                    return DataCheckCommand.run(rest, out, err);
                case "features":
                    return FeaturesCommand.run(rest, out, err);
                case "ib-sim":
                    return IbSimCommand.run(rest, out);
                case "risk":
                    return RiskCommand.run(rest, out, err);
                case "bench":
                    err.println("meridian: 'bench' runs from the bench module; use the ./meridian launcher");
                    return 2;
                default:
                    err.println("meridian: unknown command '" + command + "'");
                    err.println(HELP);
                    return 2;
            }
        }
        catch (final UsageException | ConfigException | ModelMismatchException | JournalException ex)
        {
            err.println("meridian " + command + ": " + ex.getMessage());
            return 2;
        }
        catch (final java.io.IOException ex)
        {
            err.println("meridian " + command + ": " + ex);
            return 2;
        }
        catch (final RuntimeException ex)
        {
            // not an input problem the message can explain: a bug or a broken environment, so show where
            err.println("meridian " + command + ": unexpected failure: " + ex);
            ex.printStackTrace(err);
            return 2;
        }
    }
}
