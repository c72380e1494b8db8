package io.meridian.gateway.csv;

/**
 * Why a CSV row was rejected. Each reason is about one row; a problem that stops the whole file (a missing header
 * column, a malformed CSV structure) is a {@link CsvFileException}.
 */
public enum CsvRejectReason
{
    /** A required field is absent (the row has fewer fields than the header) or empty. */
    MISSING_FIELD,
    /** A numeric field is not a plain decimal number (e.g. {@code NA}, {@code 1,5}, {@code 0x10}, {@code NaN}). */
    UNPARSEABLE_NUMBER,
    /** The date/timestamp field is neither an ISO date, an ISO date-time nor epoch millis or nanos. */
    UNPARSEABLE_TIMESTAMP,
    /** A price (open, high, low, close, bid, ask, trade price) is zero or negative. */
    NON_POSITIVE_PRICE,
    /** A volume or size is negative. */
    NEGATIVE_VOLUME,
    /** A bar's high is below its low. */
    HIGH_BELOW_LOW,
    /** A bar's open is outside [low, high]. */
    OPEN_OUTSIDE_RANGE,
    /** A bar's close is outside [low, high]. */
    CLOSE_OUTSIDE_RANGE,
    /** A quote's bid is above its ask. */
    CROSSED_QUOTE,
    /** A field of a text kind (side) has a value that is not allowed. */
    INVALID_VALUE,
    /** The timestamp equals that of the previous accepted row of the same symbol. */
    DUPLICATE_TIMESTAMP,
    /** The timestamp is before that of the previous accepted row of the same symbol. */
    OUT_OF_ORDER_TIMESTAMP
}
