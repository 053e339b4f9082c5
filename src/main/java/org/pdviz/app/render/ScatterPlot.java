package org.pdviz.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** A scatter plot of 2-D points on a square frame, drawn with Java2D for PNG output. */
public final class ScatterPlot {

    /** One set of points with its colour (ARGB) and a legend label. */
    public record Series(String label, float[] points, int argb) {
    }

    private ScatterPlot() {
    }

    public static BufferedImage render(String title, List<Series> series, double lo, double hi, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            int margin = Math.max(24, size / 16);
            int plot = size - 2 * margin;
            g.setColor(new Color(0xDDDDDD));
            for (int i = 0; i <= 4; i++) {
                int p = margin + i * plot / 4;
                g.drawLine(margin, p, margin + plot, p);
                g.drawLine(p, margin, p, margin + plot);
            }
            g.setColor(new Color(0x888888));
            g.setStroke(new BasicStroke(1.2f));
            g.drawRect(margin, margin, plot, plot);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, size / 50)));
            g.drawString(String.format("%.1f", lo), margin - 4, margin + plot + g.getFontMetrics().getAscent() + 2);
            g.drawString(String.format("%.1f", hi), margin + plot - 12, margin + plot + g.getFontMetrics().getAscent() + 2);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, size / 40)));
            g.drawString(title, margin, margin - 8);
            double r = Math.max(1.5, size / 300.0);
            int legendY = margin + 16;
            for (Series s : series) {
                g.setColor(new Color(s.argb(), true));
                float[] p = s.points();
                for (int i = 0; i + 1 < p.length; i += 2) {
                    double x = margin + (p[i] - lo) / (hi - lo) * plot;
                    double y = margin + plot - (p[i + 1] - lo) / (hi - lo) * plot;
                    if (x >= margin - r && x <= margin + plot + r && y >= margin - r && y <= margin + plot + r) {
                        g.fill(new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                    }
                }
                if (series.size() > 1) {
                    g.fillRect(margin + 8, legendY - 8, 10, 10);
                    g.setColor(Color.DARK_GRAY);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, size / 50)));
                    g.drawString(s.label(), margin + 22, legendY + 1);
                    legendY += 16;
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
