package dev.aihq.connectors.ozon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.connectors.ozon.internal.client.OzonHttp;
import dev.aihq.connectors.ozon.internal.dto.InboxDtos;
import dev.aihq.connectors.ozon.internal.mapper.OzonInboxMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A shop's Ozon product reviews (reference §3.5): beta methods, <b>Premium Plus only</b>. Get it from
 * {@link OzonClient#reviews()}.
 *
 * <pre>{@code
 * List<OzonReview> open = ozon.reviews().list(shop, OzonReviewStatus.UNPROCESSED, OzonSortDir.ASC);
 * String commentId = ozon.reviews().comment(shop, open.get(0).id(), "Спасибо за отзыв!", true, null);
 * }</pre>
 *
 * <p><b>Access.</b> Every method first checks the provider says the shop has Premium Plus: otherwise a
 * {@link CapabilityNotSupportedException} ({@link Capability#REVIEWS_READ} for reads, {@link Capability#REVIEW_REPLY}
 * for writes) naming the subscription, before any request. A shop that claims it without having it gets an
 * {@link OzonSubscriptionRequiredException} when Ozon answers {@code code 7 PermissionDenied}.
 *
 * <p><b>Reviews carry no author name and no order number</b> (§3.5); pros and cons are deprecated and not returned.
 *
 * <p><b>Limits checked before sending</b> ({@link OzonValidationException} naming the field, no request): a list
 * {@code limit} of {@value #MIN_LIMIT}–{@value #MAX_LIMIT}, 1–{@value #MAX_STATUS_IDS} ids for a status change, a
 * non-blank comment. The reference gives no length limit for a comment, so none is checked; Ozon's own refusal
 * comes back as a {@link dev.aihq.api.error.RequestRejectedException} with its text.
 *
 * <p>Reads are retried on retriable failures; writes (comment, delete, status) are not. Thread-safe.
 */
public final class OzonReviews {

    /** The review list. */
    public static final String LIST_PATH = "/v1/review/list";
    /** One review's details. */
    public static final String INFO_PATH = "/v1/review/info";
    /** A comment on a review. */
    public static final String COMMENT_CREATE_PATH = "/v1/review/comment/create";
    /** A review's comments. */
    public static final String COMMENT_LIST_PATH = "/v1/review/comment/list";
    /** Deleting a comment. */
    public static final String COMMENT_DELETE_PATH = "/v1/review/comment/delete";
    /** Changing reviews' status. */
    public static final String CHANGE_STATUS_PATH = "/v1/review/change-status";
    /** The counts by status. */
    public static final String COUNT_PATH = "/v1/review/count";

    /** The smallest page Ozon serves. */
    public static final int MIN_LIMIT = 20;
    /** The largest page Ozon serves. */
    public static final int MAX_LIMIT = 100;
    /** The most ids one status change takes. */
    public static final int MAX_STATUS_IDS = 100;
    /** The most pages {@link #list} reads before it gives up, a guard against a list that never ends. */
    public static final int MAX_PAGES = 10_000;

    private final OzonHttp http;

    OzonReviews(OzonHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Reads one page of the review list.
     *
     * @param shopId the shop
     * @param lastId the previous page's {@link OzonReviewPage#lastId()}, or {@code null} for the first page
     * @param limit {@value #MIN_LIMIT}–{@value #MAX_LIMIT}
     * @param sortDir the order
     * @param status which reviews
     * @return the page
     * @throws OzonValidationException when the limit is out of range, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public OzonReviewPage page(ShopId shopId, @Nullable String lastId, int limit, OzonSortDir sortDir,
            OzonReviewStatus status) {
        Objects.requireNonNull(sortDir, "sortDir");
        Objects.requireNonNull(status, "status");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new OzonValidationException("limit", "limit must be " + MIN_LIMIT + "-" + MAX_LIMIT
                    + " (Ozon's review list), got " + limit);
        }
        String request = "POST " + LIST_PATH;
        InboxDtos.ReviewListResponse response = http.query(shopId, Capability.REVIEWS_READ, LIST_PATH,
                new InboxDtos.ReviewListRequest(lastId == null || lastId.isBlank() ? null : lastId, limit,
                        sortDir.name(), status.name()),
                new TypeReference<InboxDtos.ReviewListResponse>() {});
        List<OzonReview> reviews = new ArrayList<>();
        List<InboxDtos.ReviewDto> dtos = response.reviews() == null ? List.of() : response.reviews();
        for (int i = 0; i < dtos.size(); i++) {
            reviews.add(OzonInboxMapper.review(dtos.get(i), "reviews[" + i + "]", request));
        }
        String next = response.lastId() == null || response.lastId().isBlank() ? null : response.lastId().strip();
        return new OzonReviewPage(reviews, OzonInboxMapper.flag(response.hasNext()), next);
    }

    /**
     * Lists a shop's reviews, every page to the end ({@value #MAX_LIMIT} a page, {@code last_id} paging while
     * {@code has_next}).
     *
     * @param shopId the shop
     * @param status which reviews
     * @param sortDir the order
     * @return the reviews in Ozon's order
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws OzonResponseException when Ozon says more follow but its {@code last_id} does not move, or after
     *     {@value #MAX_PAGES} pages
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonReview> list(ShopId shopId, OzonReviewStatus status, OzonSortDir sortDir) {
        List<OzonReview> reviews = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String lastId = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OzonReviewPage page = page(shopId, lastId, MAX_LIMIT, sortDir, status);
            page.reviews().stream().filter(r -> seen.add(r.id())).forEach(reviews::add);
            if (!page.hasNext() || page.reviews().isEmpty()) {
                return List.copyOf(reviews);
            }
            if (page.lastId() == null || page.lastId().equals(lastId)) {
                throw new OzonResponseException(200, "last_id", "POST " + LIST_PATH + ": has_next is true but"
                        + " last_id did not move (" + lastId + "); stopped", null);
            }
            lastId = page.lastId();
        }
        throw new OzonResponseException(200, "has_next", "POST " + LIST_PATH + ": still has_next after " + MAX_PAGES
                + " pages; stopped", null);
    }

    /**
     * Reads one review with its photos, videos, likes and dislikes.
     *
     * @param shopId the shop
     * @param reviewId the review
     * @return the review
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses (e.g. an unknown id), fails or answers what cannot be read
     */
    public OzonReview info(ShopId shopId, String reviewId) {
        String id = requireId(reviewId, "review_id");
        InboxDtos.ReviewDto dto = http.query(shopId, Capability.REVIEWS_READ, INFO_PATH,
                new InboxDtos.ReviewInfoRequest(id), new TypeReference<InboxDtos.ReviewDto>() {});
        return OzonInboxMapper.review(dto, "$", "POST " + INFO_PATH);
    }

    /**
     * Comments on a review, publicly; not retried.
     *
     * @param shopId the shop
     * @param reviewId the review
     * @param text the comment, not blank (the reference gives no length limit; Ozon checks it)
     * @param markReviewAsProcessed {@code true} to set the review {@code PROCESSED} as well
     * @param parentCommentId the comment answered, or {@code null} for a comment on the review itself
     * @return Ozon's id of the new comment
     * @throws OzonValidationException when the text is blank, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public String comment(ShopId shopId, String reviewId, String text, boolean markReviewAsProcessed,
            @Nullable String parentCommentId) {
        String id = requireId(reviewId, "review_id");
        if (Objects.requireNonNull(text, "text").isBlank()) {
            throw new OzonValidationException("text", "text of a review comment must not be blank");
        }
        String parent = parentCommentId == null || parentCommentId.isBlank() ? null : parentCommentId.strip();
        InboxDtos.CommentCreateResponse response = http.command(shopId, Capability.REVIEW_REPLY, COMMENT_CREATE_PATH,
                new InboxDtos.CommentCreateRequest(id, text.strip(), markReviewAsProcessed, parent),
                new TypeReference<InboxDtos.CommentCreateResponse>() {});
        if (response.commentId() == null || response.commentId().isBlank()) {
            throw new OzonResponseException(200, "comment_id", "POST " + COMMENT_CREATE_PATH
                    + ": malformed response: comment_id is missing", null);
        }
        return response.commentId().strip();
    }

    /**
     * Lists a review's comments that passed moderation, every page ({@value #MAX_LIMIT} a page, by offset).
     *
     * @param shopId the shop
     * @param reviewId the review
     * @param sortDir the order
     * @return the comments
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public List<OzonReviewComment> comments(ShopId shopId, String reviewId, OzonSortDir sortDir) {
        String id = requireId(reviewId, "review_id");
        String request = "POST " + COMMENT_LIST_PATH;
        List<OzonReviewComment> comments = new ArrayList<>();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            InboxDtos.CommentListResponse response = http.query(shopId, Capability.REVIEWS_READ, COMMENT_LIST_PATH,
                    new InboxDtos.CommentListRequest(id, MAX_LIMIT, comments.size(), sortDir.name()),
                    new TypeReference<InboxDtos.CommentListResponse>() {});
            List<InboxDtos.CommentDto> dtos = response.comments() == null ? List.of() : response.comments();
            for (int i = 0; i < dtos.size(); i++) {
                comments.add(OzonInboxMapper.comment(dtos.get(i), "comments[" + i + "]", request));
            }
            if (dtos.size() < MAX_LIMIT) {
                return List.copyOf(comments);
            }
        }
        throw new OzonResponseException(200, "comments", request + ": more than " + MAX_PAGES + " pages; stopped",
                null);
    }

    /**
     * Deletes one of the seller's comments; not retried.
     *
     * @param shopId the shop
     * @param commentId the comment
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses or fails
     */
    public void deleteComment(ShopId shopId, String commentId) {
        String id = requireId(commentId, "comment_id");
        http.command(shopId, Capability.REVIEW_REPLY, COMMENT_DELETE_PATH, new InboxDtos.CommentDeleteRequest(id),
                new TypeReference<JsonNode>() {});
    }

    /**
     * Sets reviews {@code PROCESSED} or {@code UNPROCESSED}; not retried.
     *
     * @param shopId the shop
     * @param reviewIds 1–{@value #MAX_STATUS_IDS} reviews
     * @param status {@link OzonReviewStatus#PROCESSED} or {@link OzonReviewStatus#UNPROCESSED}
     * @throws OzonValidationException for no ids, more than {@value #MAX_STATUS_IDS}, a blank id or
     *     {@link OzonReviewStatus#ALL}, before any request
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses or fails
     */
    public void changeStatus(ShopId shopId, List<String> reviewIds, OzonReviewStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == OzonReviewStatus.ALL) {
            throw new OzonValidationException("status", "status must be PROCESSED or UNPROCESSED, got ALL");
        }
        if (reviewIds.isEmpty() || reviewIds.size() > MAX_STATUS_IDS) {
            throw new OzonValidationException("review_ids", "review_ids must hold 1-" + MAX_STATUS_IDS
                    + " ids, got " + reviewIds.size());
        }
        List<String> ids = new ArrayList<>();
        for (String id : reviewIds) {
            ids.add(requireId(id, "review_ids"));
        }
        http.command(shopId, Capability.REVIEW_REPLY, CHANGE_STATUS_PATH,
                new InboxDtos.ReviewChangeStatusRequest(ids, status.name()), new TypeReference<JsonNode>() {});
    }

    /**
     * Counts a shop's reviews by status.
     *
     * @param shopId the shop
     * @return the counts
     * @throws CapabilityNotSupportedException if the shop has no credentials or no Premium Plus, before any request
     * @throws MarketplaceException if Ozon refuses, fails or answers what cannot be read
     */
    public OzonReviewCount count(ShopId shopId) {
        InboxDtos.ReviewCountResponse response = http.query(shopId, Capability.REVIEWS_READ, COUNT_PATH, Map.of(),
                new TypeReference<InboxDtos.ReviewCountResponse>() {});
        return new OzonReviewCount(orZero(response.total()), orZero(response.processed()),
                orZero(response.unprocessed()));
    }

    /** Describes the API. */
    @Override
    public String toString() {
        return "OzonReviews";
    }

    static String requireId(@Nullable String id, String field) {
        if (id == null || id.isBlank()) {
            throw new OzonValidationException(field, field + " must not be blank");
        }
        return id.strip();
    }

    static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
