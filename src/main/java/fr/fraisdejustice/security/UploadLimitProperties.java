package fr.fraisdejustice.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the file uploads ({@code fdj.uploads.*}): the size a multipart request may announce, by kind of endpoint,
 * and what one provider account may send per day and in all.
 *
 * @param maxRequestSize      any multipart request to the provider API (a few documents of 10 Mo)
 * @param maxFluxRequestSize  a dépôt flux (a file of 50 Mo)
 * @param maxStaffRequestSize the staff's imports and model deployments
 */
@ConfigurationProperties("fdj.uploads")
record UploadLimitProperties(@DefaultValue("21MB") DataSize maxRequestSize,
                             @DefaultValue("51MB") DataSize maxFluxRequestSize,
                             @DefaultValue("200MB") DataSize maxStaffRequestSize,
                             @DefaultValue("300") int uploadsPerAccountPerDay,
                             @DefaultValue("1GB") DataSize bytesPerAccountPerDay,
                             @DefaultValue("20GB") DataSize bytesPerAccount) {

    /** The size a multipart request to this path may announce. */
    long maxBytes(String path) {
        if (path.equals("/api/bulk-uploads")) {
            return maxFluxRequestSize.toBytes();
        }
        if (path.startsWith("/api/admin/") || path.startsWith("/api/models/")) {
            return maxStaffRequestSize.toBytes();
        }
        return maxRequestSize.toBytes();
    }
}
