/**
 * The human review queue: the sales agent's drafts a guard held for a person, listed per shop, and the
 * reviewers' approvals, edits and rejections, each delivered at most once and written to the run log.
 */
package dev.aihq.agents.review;
