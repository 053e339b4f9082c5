package org.pdviz.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The window's top bar: the views on the left, the tools on the right, on one row when they fit;
 * with large text (a projector at the back of the room) the tools move to a second row instead of
 * every label being cut short.
 */
final class TopBar extends Pane {

    private static final double GAP = 16;
    private final Region left;
    private final Region right;

    TopBar(Region left, Region right) {
        this.left = left;
        this.right = right;
        getChildren().addAll(left, right);
        setPadding(new Insets(8, 12, 8, 12));
        for (Node n : new Node[] {left, right}) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The height depends on the width (one row or two): the parent must ask with the width. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    private boolean oneRow(double width) {
        Insets p = getInsets();
        return left.prefWidth(-1) + GAP + right.prefWidth(-1) <= width - p.getLeft() - p.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets p = getInsets();
        return p.getLeft() + left.prefWidth(-1) + GAP + right.prefWidth(-1) + p.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets p = getInsets();
        return p.getLeft() + Math.max(left.minWidth(-1), right.minWidth(-1)) + p.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets p = getInsets();
        double l = left.prefHeight(-1), r = right.prefHeight(-1);
        double rows = width < 0 || oneRow(width) ? Math.max(l, r) : l + 8 + r;
        return p.getTop() + rows + p.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets p = getInsets();
        double w = getWidth();
        double lw = left.prefWidth(-1), lh = left.prefHeight(-1);
        double rw = right.prefWidth(-1), rh = right.prefHeight(-1);
        if (oneRow(w)) {
            double h = Math.max(lh, rh);
            left.resizeRelocate(p.getLeft(), p.getTop() + (h - lh) / 2, lw, lh);
            right.resizeRelocate(w - p.getRight() - rw, p.getTop() + (h - rh) / 2, rw, rh);
        } else {
            left.resizeRelocate(p.getLeft(), p.getTop(), Math.min(lw, w - p.getLeft() - p.getRight()), lh);
            right.resizeRelocate(Math.max(p.getLeft(), w - p.getRight() - rw), p.getTop() + lh + 8, rw, rh);
        }
    }
}
