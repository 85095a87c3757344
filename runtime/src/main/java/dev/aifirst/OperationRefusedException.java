package dev.aifirst;

/**
 * An operator action that the runtime refuses for the state of what it acts on: a retry of a run that
 * completed or is still going, a redelivery of a delivery that did not fail. The message names the run
 * or the delivery, its status, and what can be done instead. Nothing was changed.
 */
public class OperationRefusedException extends IllegalStateException {

    public OperationRefusedException(String message) {
        super(message);
    }
}
