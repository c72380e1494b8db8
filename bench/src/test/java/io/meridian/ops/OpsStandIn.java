package io.meridian.ops;

/**
 * A test-only class in the ops package (ops is not on bench's class path), so the bench architecture rule can be
 * shown to catch a dependency on ops.
 */
public final class OpsStandIn
{
    private OpsStandIn()
    {
    }

    /**
     * Something to call.
     *
     * @return a name.
     */
    public static String name()
    {
        return "ops";
    }
}
