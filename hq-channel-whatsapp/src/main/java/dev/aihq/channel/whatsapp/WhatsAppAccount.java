package dev.aihq.channel.whatsapp;

import dev.aihq.api.ShopId;
import java.util.Objects;

/**
 * One shop's WhatsApp Business number on the Cloud API: the settings to send with and the approved
 * templates for messages outside the 24-hour window.
 *
 * @param shopId the shop
 * @param config the number's settings (phone-number id, token); its {@code toString()} masks the token
 * @param templates the approved templates by purpose
 */
public record WhatsAppAccount(ShopId shopId, WhatsAppCloudConfig config, WhatsAppTemplates templates) {

    /** Requires every part. */
    public WhatsAppAccount {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(templates, "templates");
    }

    /**
     * Returns the id of the number, which inbound webhooks name in {@code metadata.phone_number_id}.
     *
     * @return the phone-number id
     */
    public String phoneNumberId() {
        return config.phoneNumberId();
    }
}
