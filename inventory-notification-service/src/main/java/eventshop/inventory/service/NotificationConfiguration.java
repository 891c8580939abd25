package eventshop.inventory.service;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code eventshop.notifications.*}: who hears about low stock (the logging channel logs it and keeps it). */
@ConfigurationProperties("eventshop.notifications")
public class NotificationConfiguration {

    private String staffRecipient = "staff@eventshop.example";

    public String getStaffRecipient() {
        return staffRecipient;
    }

    public void setStaffRecipient(String staffRecipient) {
        this.staffRecipient = staffRecipient;
    }
}
