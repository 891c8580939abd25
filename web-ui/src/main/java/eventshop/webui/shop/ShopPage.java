package eventshop.webui.shop;

import eventshop.webui.forms.FieldErrors;
import eventshop.webui.layout.Page;
import eventshop.webui.orders.OrderForm;
import jakarta.inject.Singleton;

/** The shop page: the products on offer and the order form, blank or as it was submitted with its errors. */
@Singleton
public class ShopPage {

    private final ProductCatalog catalog;

    public ShopPage(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param idempotencyKey the form's hidden key: fresh for a blank form, the submitted one for a form sent back */
    public Page of(String view, OrderForm form, FieldErrors errors, String idempotencyKey) {
        ProductCatalog.Offer offer = catalog.offer();
        Page page = Page.of(view, "Shop", "shop")
                .with("idempotencyKey", idempotencyKey)
                .with("products", offer.products())
                .with("skus", offer.products().stream().map(ShopProduct::sku).toList())
                .with("form", form.withALine())
                .with("errors", errors);
        if (offer.problem() != null) {
            page.banner(offer.problem());
        }
        return page;
    }
}
