package dev.aihq.connectors.wb;

/**
 * What one {@link WbOrderIndexer} run recorded in the local order index.
 *
 * @param pages how many pages were read (each recorded with one {@code upsertAll})
 * @param orders how many tasks or rows were recorded (sightings, an order seen twice counting twice)
 * @param newOrders how many orders the index did not hold before
 */
public record WbIndexReport(int pages, int orders, int newOrders) {}
