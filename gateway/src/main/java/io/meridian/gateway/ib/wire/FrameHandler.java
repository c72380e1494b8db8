package io.meridian.gateway.ib.wire;

/**
 * Receives what a {@link TwsFrameReader} cuts from the byte stream.
 */
public interface FrameHandler
{
    /**
     * One well-formed frame.
     *
     * @param fields its fields, valid during the call only.
     */
    void onFrame(TwsFields fields);

    /**
     * A frame that was rejected. When {@code error.fatal()} the reader stops and the connection must be dropped;
     * otherwise the frame was skipped and reading goes on.
     *
     * @param error why.
     * @param frameLength the frame's length prefix.
     */
    void onFrameError(FrameError error, int frameLength);
}
