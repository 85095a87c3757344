package dev.aifirst;

import java.util.Objects;

/**
 * Who asks for an operator action (a retry, a resume, a redelivery) and why. The runtime stores it
 * with the action, beside the moment its clock gave, in the run's history or the delivery's audit
 * trail:
 *
 * <pre>{@code
 * runtime.workflows().retry(runId, Audit.by("alice", "fixed the SMTP key"));
 * }</pre>
 *
 * @param operator who acts: a user name, an e-mail address, {@code "ops-script"}; at most
 *     {@value #MAX_OPERATOR_LENGTH} characters
 * @param reason why, in a sentence; may be empty, never {@code null}
 */
public record Audit(String operator, String reason) {

    /** The longest operator name stored. */
    public static final int MAX_OPERATOR_LENGTH = 255;

    public Audit {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reason, "reason");
        if (operator.isBlank()) {
            throw new IllegalArgumentException("an operator action names who takes it; the operator is blank");
        }
        if (operator.length() > MAX_OPERATOR_LENGTH) {
            throw new IllegalArgumentException("the operator is at most " + MAX_OPERATOR_LENGTH + " characters, not "
                    + operator.length() + ": '" + operator.substring(0, 40) + "...'");
        }
    }

    /**
     * The audit of an action taken without naming who: the operating-system user the JVM runs as
     * (its {@code user.name}), with no reason. What {@code retry(runId)}, {@code resume(runId, step)}
     * and {@code redeliver(deliveryId)} record.
     */
    public static Audit ofThisProcess() {
        String user = System.getProperty("user.name", "");
        return new Audit(user.isBlank() ? "unknown user" : user, "");
    }

    /** {@code operator} acts, for {@code reason}. */
    public static Audit by(String operator, String reason) {
        return new Audit(operator, reason);
    }

    @Override
    public String toString() {
        return operator + (reason.isEmpty() ? "" : ": " + reason);
    }
}
