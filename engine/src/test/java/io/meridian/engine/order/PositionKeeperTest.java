package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionKeeperTest
{
    /** Instrument 0: 1 cash unit per tick*lot; instrument 1: 100. */
    private final PositionKeeper keeper = new PositionKeeper(new long[]{1, 100});

    @Test
    void shouldStartFlat()
    {
        assertEquals(2, keeper.instruments());
        for (int i = 0; i < 2; i++)
        {
            assertEquals(0, keeper.position(i));
            assertEquals(0, keeper.realized(i));
            assertEquals(0, keeper.unrealized(i));
        }
        assertEquals(0, keeper.totalPnl());
    }

    @Test
    void shouldAccumulateBuysAtAverageCost()
    {
        keeper.onFill(0, 10, 1_000);
        keeper.onFill(0, 10, 1_200);

        assertEquals(20, keeper.position(0));
        assertEquals(0, keeper.realized(0));
        keeper.mark(0, 1_100);
        assertEquals(0, keeper.unrealized(0), "average cost 1100");
        keeper.mark(0, 1_150);
        assertEquals(1_000, keeper.unrealized(0));
        keeper.mark(0, 1_000);
        assertEquals(-2_000, keeper.unrealized(0));
    }

    @Test
    void shouldRealizeAgainstAverageCostOnReducingSells()
    {
        keeper.onFill(0, 10, 1_000);
        keeper.onFill(0, 10, 1_200);

        // average 1100: 5 sold at 1300 realize 5 * 200
        keeper.onFill(0, -5, 1_300);
        assertEquals(15, keeper.position(0));
        assertEquals(1_000, keeper.realized(0));
        keeper.mark(0, 1_100);
        assertEquals(0, keeper.unrealized(0), "the remaining lots keep the average cost");

        // 15 sold at 1000 realize 15 * -100
        keeper.onFill(0, -15, 1_000);
        assertEquals(0, keeper.position(0));
        assertEquals(-500, keeper.realized(0));
        assertEquals(0, keeper.unrealized(0));
        assertEquals(-500, keeper.totalPnl());
    }

    @Test
    void shouldFlipLongToShortAndOpenAtTheFillPrice()
    {
        keeper.onFill(0, 10, 1_000);

        keeper.onFill(0, -25, 1_100);

        assertEquals(-15, keeper.position(0));
        assertEquals(1_000, keeper.realized(0), "only the 10 closed lots realize");
        keeper.mark(0, 1_100);
        assertEquals(0, keeper.unrealized(0), "the new short is opened at 1100");
        keeper.mark(0, 1_000);
        assertEquals(1_500, keeper.unrealized(0), "a short gains when the price falls");
        assertEquals(2_500, keeper.totalPnl());

        keeper.onFill(0, 15, 1_050);
        assertEquals(0, keeper.position(0));
        assertEquals(1_750, keeper.realized(0));
        assertEquals(0, keeper.unrealized(0));
        assertEquals(1_750, keeper.totalPnl());
    }

    @Test
    void shouldFlipShortToLong()
    {
        keeper.onFill(0, -4, 500);

        keeper.onFill(0, 10, 450);

        assertEquals(6, keeper.position(0));
        assertEquals(200, keeper.realized(0));
        keeper.mark(0, 460);
        assertEquals(60, keeper.unrealized(0));
    }

    @Test
    void shouldKeepShortPositions()
    {
        keeper.onFill(0, -10, 2_000);
        keeper.mark(0, 2_100);
        assertEquals(-10, keeper.position(0));
        assertEquals(-1_000, keeper.unrealized(0));

        keeper.onFill(0, -10, 2_200);
        assertEquals(-20, keeper.position(0));
        keeper.mark(0, 2_100);
        assertEquals(0, keeper.unrealized(0), "average short price 2100");

        // buy back 4 at 1900 against an average of 2100
        keeper.onFill(0, 4, 1_900);
        assertEquals(-16, keeper.position(0));
        assertEquals(800, keeper.realized(0));
        assertEquals(0, keeper.unrealized(0));
        keeper.mark(0, 2_000);
        assertEquals(1_600, keeper.unrealized(0));
    }

    @Test
    void shouldApplyTheCashMultiplier()
    {
        keeper.onFill(1, 3, 250);
        keeper.mark(1, 260);

        assertEquals(3_000, keeper.unrealized(1));

        keeper.onFill(1, -1, 270);
        assertEquals(2_000, keeper.realized(1));
        assertEquals(2, keeper.position(1));
        assertEquals(2_000, keeper.unrealized(1));
        assertEquals(4_000, keeper.totalPnl());
    }

    @Test
    void shouldSplitANonDivisibleCostBasisWithoutLosingCash()
    {
        // basis 1000 + 2002 = 3002 over 3 lots
        keeper.onFill(0, 1, 1_000);
        keeper.onFill(0, 2, 1_001);

        keeper.onFill(0, -1, 1_001);
        assertEquals(1, keeper.realized(0), "3002 / 3 = 1000 (truncated) closed at 1001");
        keeper.onFill(0, -2, 1_001);

        assertEquals(0, keeper.position(0));
        assertEquals(1, keeper.realized(0), "proceeds 3003 minus cost 3002");
        assertEquals(0, keeper.unrealized(0));
    }

    @Test
    void shouldSumRealizedAndUnrealizedOverInstruments()
    {
        keeper.onFill(0, 10, 1_000);
        keeper.onFill(0, -5, 1_100);
        keeper.onFill(1, -2, 300);
        keeper.mark(0, 1_050);
        keeper.mark(1, 310);

        assertEquals(500, keeper.realized(0));
        assertEquals(250, keeper.unrealized(0));
        assertEquals(-2_000, keeper.unrealized(1));
        assertEquals(500 + 250 - 2_000, keeper.totalPnl());
    }

    @Test
    void shouldIgnoreTheMarkWhenFlat()
    {
        keeper.onFill(0, 5, 1_000);
        keeper.onFill(0, -5, 1_000);
        keeper.mark(0, 9_999);

        assertEquals(0, keeper.unrealized(0));
        assertEquals(0, keeper.totalPnl());
    }

    @Test
    void shouldConserveCashOverRandomRoundTrips()
    {
        final Random random = new Random(17);
        for (int trip = 0; trip < 200; trip++)
        {
            final PositionKeeper fresh = new PositionKeeper(new long[]{1, 100});
            final long[] cash = new long[2];
            for (int i = 0; i < 30; i++)
            {
                final int index = random.nextInt(2);
                final long qty = random.nextInt(41) - 20L;
                final long price = 500L + random.nextInt(1_000);
                fresh.onFill(index, qty, price);
                cash[index] -= qty * price * (index == 0 ? 1 : 100);
            }
            long realizedSum = 0;
            for (int index = 0; index < 2; index++)
            {
                final long flatten = -fresh.position(index);
                final long price = 500L + random.nextInt(1_000);
                fresh.mark(index, price);
                final long unrealizedBefore = fresh.unrealized(index);
                final long realizedBefore = fresh.realized(index);
                fresh.onFill(index, flatten, price);
                cash[index] -= flatten * price * (index == 0 ? 1 : 100);

                assertEquals(0, fresh.position(index));
                assertEquals(cash[index], fresh.realized(index), "trip " + trip + " instrument " + index);
                assertEquals(0, fresh.unrealized(index));
                assertEquals(realizedBefore + unrealizedBefore, fresh.realized(index),
                    "flattening at the mark realizes exactly the unrealized P&L");
                realizedSum += fresh.realized(index);
            }
            assertEquals(realizedSum, fresh.totalPnl());
        }
    }

    @Test
    void shouldHaveTotalPnlEqualToMarkToMarketValueAtAnyTime()
    {
        final Random random = new Random(3);
        final long[] cash = new long[2];
        final long[] multipliers = {1, 100};
        for (int i = 0; i < 500; i++)
        {
            final int index = random.nextInt(2);
            final long qty = random.nextInt(21) - 10L;
            final long price = 900L + random.nextInt(200);
            keeper.onFill(index, qty, price);
            cash[index] -= qty * price * multipliers[index];
            long value = 0;
            for (int k = 0; k < 2; k++)
            {
                final long mark = 900L + random.nextInt(200);
                keeper.mark(k, mark);
                value += cash[k] + keeper.position(k) * mark * multipliers[k];
            }
            // realized + unrealized is exactly the cash spent plus the position valued at the mark
            assertEquals(value, keeper.totalPnl(), "after fill " + i);
        }
    }

    @Test
    void shouldKeepTotalPnlEqualToTheSumOverInstrumentsAfterEveryFillAndMark()
    {
        final Random random = new Random(29);
        for (int i = 0; i < 2_000; i++)
        {
            final int index = random.nextInt(2);
            if (random.nextBoolean())
            {
                keeper.onFill(index, random.nextInt(21) - 10L, 900L + random.nextInt(200));
            }
            else
            {
                keeper.mark(index, 900L + random.nextInt(200));
            }
            final long sum = keeper.realized(0) + keeper.unrealized(0) + keeper.realized(1) + keeper.unrealized(1);
            assertEquals(sum, keeper.totalPnl(), "kept total after step " + i);
        }
    }
}
