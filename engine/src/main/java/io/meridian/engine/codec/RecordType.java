package io.meridian.engine.codec;

/**
 * Record type codes: the first byte of every record. Inbound events are below 20, decision records from 20,
 * journal-only records from 100. Codes are part of the journal format and never reused. Which codes are inbound and
 * which are decisions is a per-code check ({@link #isInbound}, {@link #isDecision}), not a range.
 */
public final class RecordType
{
    /** Top-of-book quote. */
    public static final byte QUOTE = 1;
    /** Trade print. */
    public static final byte TRADE = 2;
    /** Execution report from a venue. */
    public static final byte EXEC_REPORT = 3;
    /** Timer tick. */
    public static final byte TIMER = 4;
    /** Operator command. */
    public static final byte OPERATOR = 5;
    /** Venue or feed connectivity change. */
    public static final byte CONNECTIVITY = 6;
    /** OHLCV bar (imported or built in the engine). */
    public static final byte BAR = 7;
    /** Broker state: an account value (NAV, cash, buying power) (IB, issue 9). */
    public static final byte ACCOUNT_VALUE = 8;
    /** Broker state: a position (IB, issue 9). */
    public static final byte POSITION = 9;
    /** Broker state: an open order (IB, issue 9). */
    public static final byte OPEN_ORDER = 10;
    /** Broker state: an execution or its commission (IB, issue 9). */
    public static final byte EXECUTION = 11;
    /** Inbound: the gateway wrote an order to the venue ({@link OrderSentCodec}; IB, issue 9). */
    public static final byte ORDER_SENT = 12;
    /**
     * Inbound: one part of an engine-state snapshot a recovery restores ({@link StateRestoreCodec}; IB restarts,
     * issue 9). Journaled like every input, so a recovered session replays identical on its own.
     */
    public static final byte STATE_RESTORE = 31;

    /** Decision: model score and target position. */
    public static final byte SIGNAL = 20;
    /** Decision: pre-trade risk accept or reject. */
    public static final byte RISK_DECISION = 21;
    /** Decision and outbound command: an order command to a venue. */
    public static final byte ORDER_COMMAND = 22;
    /** Decision: a trading-state change (kill switch or operator). */
    public static final byte TRADING_STATE = 23;
    /** Decision: a pre-trade check or kill-switch trigger reached its warning level (risk lane, issue 7). */
    public static final byte RISK_WARNING = 25;
    /** Decision: the real-time risk monitor's snapshot ({@link RiskSnapshotCodec}). */
    public static final byte RISK_SNAPSHOT = 24;
    /** Decision: the risk monitor's per-instrument and total figures ({@link RiskInstrumentSnapshotCodec}). */
    public static final byte RISK_INSTRUMENT_SNAPSHOT = 28;
    /** Decision: one difference (or none) found by reconciling with the broker (IB, issue 9). */
    public static final byte RECONCILIATION = 27;

    /** Journal only: the run manifest. */
    public static final byte MANIFEST = 100;
    /** Journal only: written when a run closes cleanly. */
    public static final byte END_OF_RUN = 101;

    private RecordType()
    {
    }

    /**
     * Whether a type code is an inbound event.
     *
     * @param type the code.
     * @return true for inbound events.
     */
    public static boolean isInbound(final int type)
    {
        switch (type)
        {
            case QUOTE:
            case TRADE:
            case EXEC_REPORT:
            case TIMER:
            case OPERATOR:
            case CONNECTIVITY:
            case BAR:
            case ACCOUNT_VALUE:
            case POSITION:
            case OPEN_ORDER:
            case EXECUTION:
            case ORDER_SENT:
            case STATE_RESTORE:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether a type code is a decision record.
     *
     * @param type the code.
     * @return true for decision records.
     */
    public static boolean isDecision(final int type)
    {
        return (type >= SIGNAL && type <= TRADING_STATE) || type == RISK_WARNING || type == RISK_SNAPSHOT
            || type == RECONCILIATION || type == RISK_INSTRUMENT_SNAPSHOT;
    }

    /**
     * Name of a type code, for tools.
     *
     * @param type the code.
     * @return its name.
     */
    public static String name(final int type)
    {
        switch (type)
        {
            case QUOTE:
                return "QUOTE";
            case TRADE:
                return "TRADE";
            case EXEC_REPORT:
                return "EXEC_REPORT";
            case TIMER:
                return "TIMER";
            case OPERATOR:
                return "OPERATOR";
            case CONNECTIVITY:
                return "CONNECTIVITY";
            case BAR:
                return "BAR";
            case ACCOUNT_VALUE:
                return "ACCOUNT_VALUE";
            case POSITION:
                return "POSITION";
            case OPEN_ORDER:
                return "OPEN_ORDER";
            case EXECUTION:
                return "EXECUTION";
            case ORDER_SENT:
                return "ORDER_SENT";
            case STATE_RESTORE:
                return "STATE_RESTORE";
            case SIGNAL:
                return "SIGNAL";
            case RISK_DECISION:
                return "RISK_DECISION";
            case ORDER_COMMAND:
                return "ORDER_COMMAND";
            case TRADING_STATE:
                return "TRADING_STATE";
            case RISK_WARNING:
                return "RISK_WARNING";
            case RISK_SNAPSHOT:
                return "RISK_SNAPSHOT";
            case RISK_INSTRUMENT_SNAPSHOT:
                return "RISK_INSTRUMENT_SNAPSHOT";
            case RECONCILIATION:
                return "RECONCILIATION";
            case MANIFEST:
                return "MANIFEST";
            case END_OF_RUN:
                return "END_OF_RUN";
            default:
                return "UNKNOWN(" + type + ")";
        }
    }
}
