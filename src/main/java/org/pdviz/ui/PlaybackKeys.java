package org.pdviz.ui;

/** The keyboard actions of a page that plays frames: space, arrows, Home/End, +/-. */
interface PlaybackKeys {
    void togglePlay();

    void step(int frames);

    void home();

    void end();

    void faster();

    void slower();
}
