package org.pdviz.runtime.card;

/** A model card that cannot be read or is incomplete. */
public class CardException extends Exception {
    public CardException(String message) {
        super(message);
    }
}
