package dev.aihq.connectors.ozon;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos;
import dev.aihq.connectors.ozon.internal.mapper.OzonPostingMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Ozon's postings (reference §3.3): FBS and rFBS ({@code POST /v3/posting/fbs/list}, paged with
 * {@code limit}/{@code offset} while {@code has_next}), one FBS/rFBS posting ({@code POST /v3/posting/fbs/get}) and
 * FBO ({@code POST /v2/posting/fbo/list}, paged until a short page, {@code offset} at most
 * {@value OzonConfig#MAX_FBO_OFFSET}). Each list asks for {@code analytics_data}; none asks for
 * {@code financial_data} (finance is read elsewhere). Dates are UTC. Get it from {@link OzonClient#postings()}.
 * Thread-safe.
 */
public final class OzonPostings {

    /** The FBS/rFBS list. */
    public static final String FBS_LIST_PATH = "/v3/posting/fbs/list";
    /** One FBS/rFBS posting. */
    public static final String FBS_GET_PATH = "/v3/posting/fbs/get";
    /** The FBO list. */
    public static final String FBO_LIST_PATH = "/v2/posting/fbo/list";

    private static final PostingDtos.With WITH = new PostingDtos.With(true, false);

    private final OzonHttp http;
    private final int pageSize;

    OzonPostings(OzonHttp http, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.pageSize = pageSize;
    }

    /**
     * Lists a shop's FBS and rFBS postings taken into processing in a period, every page.
     *
     * @param shopId the shop
     * @param since from (inclusive)
     * @param to to (inclusive), not before {@code since}
     * @param status one status (e.g. {@code awaiting_packaging}), or {@code null} for all
     * @return the postings, in Ozon's order (ascending)
     * @throws CapabilityNotSupportedException if the shop has no credentials
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonPosting> fbsList(ShopId shopId, Instant since, Instant to, @Nullable String status) {
        PostingDtos.ListFilter filter = filter(since, to, status);
        List<OzonPosting> postings = new ArrayList<>();
        String request = "POST " + FBS_LIST_PATH;
        for (int offset = 0; ; offset += pageSize) {
            PostingDtos.FbsListResponse response = http.query(shopId, Capability.ORDERS, FBS_LIST_PATH,
                    new PostingDtos.ListRequest("ASC", filter, pageSize, offset, WITH),
                    new TypeReference<PostingDtos.FbsListResponse>() {});
            PostingDtos.FbsListResult result = response.result();
            if (result == null) {
                throw new OzonResponseException(200, "result", request + ": malformed response: no result", null);
            }
            List<OzonPosting> page = OzonPostingMapper.postings(result.postings(), false, request);
            postings.addAll(page);
            if (!Boolean.TRUE.equals(result.hasNext()) || page.isEmpty()) {
                return List.copyOf(postings);
            }
        }
    }

    /**
     * Reads one FBS or rFBS posting with its analytics.
     *
     * @param shopId the shop
     * @param postingNumber the posting, e.g. {@code 23713478-0018-3}
     * @return the posting
     * @throws CapabilityNotSupportedException if the shop has no credentials
     * @throws MarketplaceException if Ozon refuses (404 for an unknown posting), fails or answers what cannot be
     *     read
     */
    public OzonPosting fbs(ShopId shopId, String postingNumber) {
        Objects.requireNonNull(postingNumber, "postingNumber");
        String request = "POST " + FBS_GET_PATH;
        PostingDtos.FbsGetResponse response = http.query(shopId, Capability.ORDERS, FBS_GET_PATH,
                new PostingDtos.GetRequest(postingNumber, WITH), new TypeReference<PostingDtos.FbsGetResponse>() {});
        if (response.result() == null) {
            throw new OzonResponseException(200, "result", request + ": malformed response: no result", null);
        }
        return OzonPostingMapper.posting(response.result(), false, request);
    }

    /**
     * Lists a shop's FBO postings created in a period, every page.
     *
     * @param shopId the shop
     * @param since from (inclusive)
     * @param to to (inclusive), not before {@code since}
     * @param status one status, or {@code null} for all
     * @return the postings, ascending
     * @throws CapabilityNotSupportedException if the shop has no credentials
     * @throws RequestRejectedException when the period holds more than Ozon's offset limit lets one read; narrow it
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonPosting> fboList(ShopId shopId, Instant since, Instant to, @Nullable String status) {
        PostingDtos.ListFilter filter = filter(since, to, status);
        List<OzonPosting> postings = new ArrayList<>();
        String request = "POST " + FBO_LIST_PATH;
        for (int offset = 0; ; offset += pageSize) {
            if (offset > OzonConfig.MAX_FBO_OFFSET) {
                throw new RequestRejectedException(http.service(), 0, request + ": more postings than offset "
                        + OzonConfig.MAX_FBO_OFFSET + " reaches (Ozon answers MAX_OFFSET_EXCEEDED); list a shorter"
                        + " period", null);
            }
            PostingDtos.FboListResponse response = http.query(shopId, Capability.ORDERS, FBO_LIST_PATH,
                    new PostingDtos.ListRequest("ASC", filter, pageSize, offset, WITH),
                    new TypeReference<PostingDtos.FboListResponse>() {});
            List<OzonPosting> page = OzonPostingMapper.postings(response.result(), true, request);
            postings.addAll(page);
            if (page.size() < pageSize) {
                return List.copyOf(postings);
            }
        }
    }

    /** Describes the API without credentials. */
    @Override
    public String toString() {
        return "OzonPostings[pageSize=" + pageSize + "]";
    }

    private static PostingDtos.ListFilter filter(Instant since, Instant to, @Nullable String status) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(since)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'since' " + since);
        }
        return new PostingDtos.ListFilter(since.truncatedTo(ChronoUnit.MILLIS).toString(),
                to.truncatedTo(ChronoUnit.MILLIS).toString(), status == null || status.isBlank() ? null : status.strip());
    }
}
