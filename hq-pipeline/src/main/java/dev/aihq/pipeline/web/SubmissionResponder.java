package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.web.WebhookRequest;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Submission} into the HTTP answer of the front door, honouring {@code Prefer: wait}.
 * The front door uses it for its own endpoints; a contributed {@link dev.aihq.api.web.WebhookRoute}
 * that submits events takes it from {@link WebhookFrontDoor#responder()} so it answers the same way.
 * Thread-safe.
 */
public final class SubmissionResponder {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionResponder.class);

    private final RunLog runLog;
    private final Duration maxWait;
    private final String basePath;

    /**
     * Creates a responder.
     *
     * @param runLog the run log, read for duplicates of runs going on elsewhere
     * @param maxWait the longest {@code Prefer: wait} granted
     * @param basePath the prefix of {@code status_url} ("" when mounted at the root)
     */
    public SubmissionResponder(RunLog runLog, Duration maxWait, String basePath) {
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.basePath = Objects.requireNonNull(basePath, "basePath");
    }

    /**
     * Answers a submitted event the way the front door answers its own endpoints: {@code 202} with the
     * run id at once, or, with {@code Prefer: wait=N}, the run's view once it ends ({@code 200}, or
     * {@code 422} when rejected); a duplicate gets the first run's view with {@code "duplicate": true}.
     *
     * @param request the request (its {@code Prefer} header is read)
     * @param submission what the pipeline answered
     * @param event the submitted event
     * @param pipelineName the pipeline's name, for the view of a run not yet readable
     * @return the response
     */
    public WebhookResponse answer(WebhookRequest request, Submission submission, HqEvent event, String pipelineName) {
        Optional<Duration> wait = PreferWait.requested(request.headers().getOrDefault("prefer", List.of()), maxWait);
        switch (submission.kind()) {
            case REJECTED: {
                RunRecord record = submission.record();
                if (record == null) {
                    return Answers.rejectedWithoutRun("the event was rejected");
                }
                return Answers.json(422, RunView.toNode(record));
            }
            case DUPLICATE:
                return duplicate(submission, wait, pipelineName, event);
            default: {
                if (wait.isPresent()) {
                    Optional<RunRecord> done = await(submission, wait.get());
                    if (done.isPresent()) {
                        return finished(done.get()).withHeader("Preference-Applied", preference(wait.get()));
                    }
                    return accepted(submission.runId()).withHeader("Preference-Applied", preference(wait.get()));
                }
                return accepted(submission.runId());
            }
        }
    }

    private WebhookResponse accepted(RunId runId) {
        String statusUrl = basePath + WebhookFrontDoor.RUNS_PATH_PREFIX + runId.value();
        ObjectNode body = Json.object();
        body.put("run_id", runId.value());
        body.put("status", RunView.IN_PROGRESS);
        body.put("status_url", statusUrl);
        return Answers.json(202, body).withHeader("Location", statusUrl);
    }

    private static WebhookResponse finished(RunRecord record) {
        return Answers.json(record.outcome() == RunOutcome.REJECTED ? 422 : 200, RunView.toNode(record));
    }

    private WebhookResponse duplicate(Submission submission, Optional<Duration> wait, String pipelineName,
            HqEvent event) {
        RunRecord record = submission.record();
        boolean waited = false;
        if (wait.isPresent() && (record == null || record.inProgress())) {
            waited = true;
            Optional<RunRecord> done = await(submission, wait.get());
            if (done.isPresent()) {
                record = done.get();
            } else {
                // The first run may be going on in another instance: its record is the freshest word.
                Optional<RunRecord> stored = runLog.find(event.shopId(), submission.runId());
                if (stored.isPresent()) {
                    record = stored.get();
                }
            }
        }
        ObjectNode view = record != null ? RunView.toNode(record)
                : RunView.inProgress(submission.runId(), event.shopId(), pipelineName, event.type());
        view.put("duplicate", true);
        WebhookResponse response = Answers.json(200, view);
        return waited ? response.withHeader("Preference-Applied", preference(wait.get())) : response;
    }

    private static Optional<RunRecord> await(Submission submission, Duration wait) {
        try {
            return submission.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IllegalStateException e) {
            LOG.warn("Waiting for run {} failed; answering without its outcome", submission.runId(), e);
            return Optional.empty();
        }
    }

    private static String preference(Duration wait) {
        return "wait=" + wait.toSeconds();
    }

}
