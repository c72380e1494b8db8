package io.meridian.ops.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.runtime.driver.OperatorInbox;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The mutating calls ({@code POST /halt}, {@code /resume}, {@code /cancel-all}, {@code /flatten}): validates the
 * optional body {@code {"instrument": "MRDA", "reason": "..."}} (an instrument scopes any of the four to it: halt and
 * resume then act on that instrument only), submits the command to the engine's
 * {@link OperatorInbox} with the authenticated operator's name, and waits until the OPERATOR record it became is
 * journaled and processed, so that {@code GET /status} shows its effect once the call returns. Every accepted command
 * is audited on the error stream (operator, command, scope, reason, sequence; never the token). Thread-safe.
 */
final class OpsCommands
{
    /** The commands, as the paths name them. */
    static final List<String> COMMANDS = List.of("halt", "resume", "cancel-all", "flatten");
    /** Longest reason accepted. */
    static final int MAX_REASON = 200;
    private static final long TAKE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final OpsEngine engine;
    private final ObjectMapper json;
    private final PrintStream audit;
    private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();

    OpsCommands(final OpsEngine engine, final ObjectMapper json, final PrintStream audit)
    {
        this.engine = engine;
        this.json = json;
        this.audit = audit;
        for (final String command : COMMANDS)
        {
            accepted.put(command, new AtomicLong());
        }
    }

    /** A refused request: HTTP status and what was wrong. */
    static final class Refusal extends Exception
    {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(final int status, final String message)
        {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** What a body asked for. */
    record Request(int instrumentId, String symbol, String reason)
    {
    }

    /**
     * Parses and validates a command's body; nothing reaches the engine.
     *
     * @param command one of {@link #COMMANDS}.
     * @param body the request body, possibly empty.
     * @return the request.
     * @throws Refusal 400 naming what is wrong.
     */
    Request parse(final String command, final byte[] body) throws Refusal
    {
        if (body.length == 0)
        {
            return new Request(0, null, "");
        }
        final JsonNode root;
        try
        {
            root = json.readTree(body);
        }
        catch (final JsonProcessingException e)
        {
            throw new Refusal(400, "malformed JSON body: " + e.getOriginalMessage());
        }
        catch (final java.io.IOException e)
        {
            throw new Refusal(400, "unreadable body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode())
        {
            return new Request(0, null, "");
        }
        if (!root.isObject())
        {
            throw new Refusal(400,
                "the body must be a JSON object like {\"instrument\": \"MRDA\", \"reason\": \"...\"}");
        }
        final Iterator<String> names = root.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!"instrument".equals(name) && !"reason".equals(name))
            {
                throw new Refusal(400, "unknown field '" + name + "' (allowed: instrument, reason)");
            }
        }
        String symbol = null;
        int instrumentId = 0;
        final JsonNode instrument = root.get("instrument");
        if (instrument != null && !instrument.isNull())
        {
            if (!instrument.isTextual())
            {
                throw new Refusal(400, "field 'instrument' must be a symbol string");
            }
            symbol = instrument.asText();
            instrumentId = instrumentId(symbol);
        }
        String reason = "";
        final JsonNode reasonNode = root.get("reason");
        if (reasonNode != null && !reasonNode.isNull())
        {
            if (!reasonNode.isTextual())
            {
                throw new Refusal(400, "field 'reason' must be a string");
            }
            reason = reasonNode.asText();
            if (reason.length() > MAX_REASON)
            {
                throw new Refusal(400, "field 'reason' is longer than " + MAX_REASON + " characters");
            }
        }
        return new Request(instrumentId, symbol, reason);
    }

    private int instrumentId(final String symbol) throws Refusal
    {
        final StringBuilder known = new StringBuilder();
        for (final InstrumentConfig instrument : engine.config().instruments())
        {
            if (instrument.symbol().equals(symbol))
            {
                return instrument.id();
            }
            known.append(known.length() == 0 ? "" : ", ").append(instrument.symbol());
        }
        throw new Refusal(400, "unknown instrument '" + symbol + "' (this engine trades " + known + ")");
    }

    /**
     * Submits a validated command and waits until it is journaled and processed.
     *
     * @param command one of {@link #COMMANDS}.
     * @param request the validated body.
     * @param operator the authenticated operator's name.
     * @return the journaled sequence of the OPERATOR record.
     * @throws Refusal 503 when the engine cannot take it (unhealthy, inbox full, not fed within 5 s).
     */
    long execute(final String command, final Request request, final String operator) throws Refusal
    {
        final String unhealthy = engine.unhealthyReason();
        if (unhealthy != null)
        {
            throw new Refusal(503, "the engine cannot take commands: " + unhealthy);
        }
        final OpsEngine.Source topology = engine.source();
        final long id = topology.operatorInbox().submit(code(command), request.instrumentId(),
            OperatorCodec.packOperator(operator));
        if (id < 0)
        {
            throw new Refusal(503, "the operator inbox is full; try again");
        }
        final long deadline = System.nanoTime() + TAKE_TIMEOUT_NS;
        long sequence = -1;
        while (sequence < 0 || topology.journaledSequence() < sequence || topology.processedSequence() < sequence)
        {
            if (System.nanoTime() > deadline)
            {
                throw new Refusal(503, sequence < 0
                    ? "the engine took no input within 5 s (is it being fed?); the command stays queued"
                    : "command " + sequence + " was not journaled and processed within 5 s");
            }
            LockSupport.parkNanos(POLL_NS);
            if (sequence < 0)
            {
                sequence = topology.operatorInbox().sequenceOf(id);
            }
        }
        accepted.get(command).incrementAndGet();
        audit.printf("ops: %s %s%s reason \"%s\": journaled as sequence %d%n", operator,
            OperatorCommand.name(code(command)), request.symbol() == null ? "" : " " + request.symbol(),
            request.reason().replace('"', '\'').replace('\n', ' '), sequence);
        return sequence;
    }

    static byte code(final String command)
    {
        switch (command)
        {
            case "halt":
                return OperatorCommand.HALT;
            case "resume":
                return OperatorCommand.RESUME;
            case "cancel-all":
                return OperatorCommand.CANCEL_ALL;
            case "flatten":
                return OperatorCommand.FLATTEN;
            default:
                throw new IllegalArgumentException("unknown command " + command);
        }
    }

    long accepted(final String command)
    {
        return accepted.get(command).get();
    }
}
