package eventshop.inventory.domain;

/** A request named a SKU the catalog does not have. */
public final class UnknownProductException extends DomainException {

    public UnknownProductException(String sku) {
        super("There is no product with SKU " + sku);
    }
}
