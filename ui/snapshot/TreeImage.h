#pragma once
// The tree as the canvas draws it, written to an SVG or PNG file (whole or not at
// all, as every export), with a white or dark background from the palette.

#include <QString>

class QGraphicsScene;

namespace suplab {

/// An error message naming the file, or empty on success.
QString writeTreeSvg(QGraphicsScene& scene, const QString& file, const QString& title);
/// `scale` 2 gives a sharp image on high-DPI screens and in slides.
QString writeTreePng(QGraphicsScene& scene, const QString& file, double scale = 2.0);

} // namespace suplab
