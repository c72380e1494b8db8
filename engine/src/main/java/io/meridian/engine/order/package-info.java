/**
 * Stage 7: the order policy ({@code OrderManager}, the stage), the order store and its state machine
 * ({@code WorkingOrders}, {@code OrderStore}), positions and P&amp;L ({@code PositionKeeper}) and the encoder of the
 * stage's decision records ({@code DecisionEncoder}), all owned by the order stage's thread. Core package: no
 * Disruptor, Chronicle, logging, streams, concurrency or clock.
 */
package io.meridian.engine.order;
