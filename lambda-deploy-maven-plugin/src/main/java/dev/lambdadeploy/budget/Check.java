package dev.lambdadeploy.budget;

/** One row of the budget table: a budget applied to one subject, with the measured amount and the outcome. */
public record Check(Budget budget, String subject, Long actual, String actualText, Status status, String note) {
    public enum Status {
        OK,
        VIOLATED,
        NOT_EVALUATED
    }
}
