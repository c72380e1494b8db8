package io.meridian.engine.order;

/**
 * Signed positions, cost basis and P&amp;L per instrument, all fixed point: positions in lots, cash in
 * {@code Scales.CASH_SCALE} units. Average-cost accounting: a reducing fill realizes the difference between its
 * proceeds and the proportional share of the cost basis. The total P&amp;L, read on every market-data event by the
 * kill switch, is kept up to date by each fill and mark rather than summed over the instruments on each read (long
 * sums are exact, so the figure is the same). P&amp;L is kept gross (prices only) and net of the costs charged on
 * fills (commission, fees, impact: the EXEC_REPORT's charged cost); {@link #totalPnl()} is net, and is what the kill
 * switch reads. Single-threaded; allocation-free.
 */
public final class PositionKeeper
{
    private final long[] cashMultiplier;
    private final long[] position;
    private final long[] costBasis;
    private final long[] realized;
    private final long[] mark;
    private final long[] costs;
    private long totalCosts;
    private long totalRealized;
    private long totalUnrealized;

    /**
     * A keeper for instruments with the given cash multipliers.
     *
     * @param cashMultipliers per instrument: cash units per price tick times lot.
     */
    public PositionKeeper(final long[] cashMultipliers)
    {
        this.cashMultiplier = cashMultipliers.clone();
        final int n = cashMultipliers.length;
        position = new long[n];
        costBasis = new long[n];
        realized = new long[n];
        mark = new long[n];
        costs = new long[n];
    }

    /**
     * Applies a fill.
     *
     * @param index dense instrument index.
     * @param signedQty quantity in lots, positive for a buy.
     * @param price fill price in ticks.
     */
    public void onFill(final int index, final long signedQty, final long price)
    {
        onFill(index, signedQty, price, 0L);
    }

    /**
     * Applies a fill and the costs charged on it.
     *
     * @param index dense instrument index.
     * @param signedQty quantity in lots, positive for a buy.
     * @param price fill price in ticks.
     * @param chargedCost fees and impact charged on the fill, cash units (negative for a net rebate).
     */
    public void onFill(final int index, final long signedQty, final long price, final long chargedCost)
    {
        costs[index] += chargedCost;
        totalCosts += chargedCost;
        final long unrealizedBefore = unrealized(index);
        applyFill(index, signedQty, price);
        totalUnrealized += unrealized(index) - unrealizedBefore;
    }

    private void applyFill(final int index, final long signedQty, final long price)
    {
        final long m = cashMultiplier[index];
        final long pos = position[index];
        if (pos == 0 || Long.signum(pos) == Long.signum(signedQty))
        {
            costBasis[index] += signedQty * price * m;
            position[index] = pos + signedQty;
            return;
        }
        final long absPos = Math.abs(pos);
        final long closing = Math.min(Math.abs(signedQty), absPos);
        final long basis = costBasis[index];
        final long closedCost = (basis / absPos) * closing + (basis % absPos) * closing / absPos;
        final long pnl = Long.signum(pos) * closing * price * m - closedCost;
        realized[index] += pnl;
        totalRealized += pnl;
        costBasis[index] = basis - closedCost;
        final long direction = Long.signum(signedQty);
        long newPos = pos + direction * closing;
        final long remaining = Math.abs(signedQty) - closing;
        if (remaining > 0)
        {
            costBasis[index] += direction * remaining * price * m;
            newPos += direction * remaining;
        }
        position[index] = newPos;
    }

    /**
     * Sets the mark price used for unrealized P&amp;L.
     *
     * @param index dense instrument index.
     * @param markPrice price in ticks.
     */
    public void mark(final int index, final long markPrice)
    {
        final long unrealizedBefore = unrealized(index);
        mark[index] = markPrice;
        totalUnrealized += unrealized(index) - unrealizedBefore;
    }

    public long position(final int index)
    {
        return position[index];
    }

    /**
     * Realized P&amp;L of one instrument.
     *
     * @param index dense instrument index.
     * @return cash units.
     */
    public long realized(final int index)
    {
        return realized[index];
    }

    /**
     * Unrealized P&amp;L of one instrument at its mark.
     *
     * @param index dense instrument index.
     * @return cash units.
     */
    public long unrealized(final int index)
    {
        final long pos = position[index];
        return pos == 0 ? 0 : pos * mark[index] * cashMultiplier[index] - costBasis[index];
    }

    /**
     * Costs charged on one instrument's fills.
     *
     * @param index dense instrument index.
     * @return cash units.
     */
    public long costs(final int index)
    {
        return costs[index];
    }

    /**
     * Net P&amp;L of one instrument: realized plus unrealized minus costs.
     *
     * @param index dense instrument index.
     * @return cash units.
     */
    public long netPnl(final int index)
    {
        return realized[index] + unrealized(index) - costs[index];
    }

    /**
     * Net P&amp;L over all instruments: realized plus unrealized minus the costs charged on fills.
     *
     * @return cash units.
     */
    public long totalPnl()
    {
        return totalRealized + totalUnrealized - totalCosts;
    }

    /**
     * Gross P&amp;L over all instruments: realized plus unrealized, before costs.
     *
     * @return cash units.
     */
    public long totalGrossPnl()
    {
        return totalRealized + totalUnrealized;
    }

    /**
     * Costs charged on all fills.
     *
     * @return cash units.
     */
    public long totalCosts()
    {
        return totalCosts;
    }

    public int instruments()
    {
        return position.length;
    }

    /**
     * Cost basis of the open position (signed: positive for a long).
     *
     * @param index dense instrument index.
     * @return cash units.
     */
    public long costBasis(final int index)
    {
        return costBasis[index];
    }

    /**
     * Realized P&amp;L over all instruments.
     *
     * @return cash units.
     */
    public long totalRealized()
    {
        return totalRealized;
    }

    /**
     * The mark price of an instrument.
     *
     * @param index dense instrument index.
     * @return ticks, 0 before the first mark.
     */
    public long markPrice(final int index)
    {
        return mark[index];
    }

    /**
     * Position value at the mark (signed).
     *
     * @param index dense instrument index.
     * @return cash units.
     */
    public long value(final int index)
    {
        return position[index] * mark[index] * cashMultiplier[index];
    }

    /**
     * Charges a cost that arrives apart from its fill (IB's commission report): added to the instrument's costs
     * exactly as a fill's charged cost is in {@link #onFill}.
     *
     * @param index dense instrument index.
     * @param cost cash units (negative for a rebate).
     */
    public void charge(final int index, final long cost)
    {
        costs[index] += cost;
        totalCosts += cost;
    }

    /**
     * Appends the positions' state to a snapshot (issue 9): the totals, then per instrument position, cost basis,
     * realized P&amp;L, mark and costs.
     *
     * @param out the snapshot part.
     */
    void saveState(final org.agrona.collections.LongArrayList out)
    {
        out.addLong(totalCosts);
        out.addLong(totalRealized);
        out.addLong(totalUnrealized);
        out.addLong(position.length);
        for (int i = 0; i < position.length; i++)
        {
            out.addLong(position[i]);
            out.addLong(costBasis[i]);
            out.addLong(realized[i]);
            out.addLong(mark[i]);
            out.addLong(costs[i]);
        }
    }

    /**
     * Replaces the positions' state with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int from)
    {
        totalCosts = in[from];
        totalRealized = in[from + 1];
        totalUnrealized = in[from + 2];
        if (in[from + 3] != position.length)
        {
            throw new IllegalArgumentException("snapshot has " + in[from + 3] + " instruments, the engine "
                + position.length);
        }
        int i = from + 4;
        for (int k = 0; k < position.length; k++, i += 5)
        {
            position[k] = in[i];
            costBasis[k] = in[i + 1];
            realized[k] = in[i + 2];
            mark[k] = in[i + 3];
            costs[k] = in[i + 4];
        }
        return i;
    }
}
