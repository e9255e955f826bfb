/**
 * Charts shared by the panels: the {@link org.recausal.desktop.chart.Painter} that paints a chart on screen and into
 * SVG with the same code, painted views and plots built on it, and their PNG, SVG and CSV exports.
 */
package org.recausal.desktop.chart;
