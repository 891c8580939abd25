package eventshop.inventory.service;

/** Published inside the deciding transaction; metrics count it only once that transaction commits. */
public enum StockOutcome { RESERVED, REJECTED, RELEASED }
