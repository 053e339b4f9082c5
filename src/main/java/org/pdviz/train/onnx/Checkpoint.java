package org.pdviz.train.onnx;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;

/** One of our checkpoints reopened for training: its card, family and weights. */
public record Checkpoint(Path file, ModelCard card, Family family, Weights weights) {

    /** Reads a model file written by the trainer (any file whose card names a trainable family). */
    public static Checkpoint read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such model file: " + file);
        }
        OnnxMl.ModelProto model;
        try {
            model = OnnxGraph.read(file);
        } catch (IOException e) {
            throw new IOException(file + " is not an ONNX model (" + e.getMessage() + ")", e);
        }
        ModelCard card;
        try {
            card = FamilyOnnx.card(model);
        } catch (CardException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (!Families.isTrainable(card)) {
            throw new IOException(file + " was not written by the pdviz trainer (its card names no family of "
                    + Families.NAMES + ")");
        }
        try {
            Family family = Families.fromCard(card);
            return new Checkpoint(file, card, family, FamilyOnnx.weights(model, family));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Whether a file is one of ours (card with a trainable family), without failing on anything else. */
    public static boolean isTrainable(Path file) {
        try {
            return Families.isTrainable(FamilyOnnx.card(OnnxGraph.read(file)));
        } catch (IOException | CardException | RuntimeException e) {
            return false;
        }
    }
}
