#include "TreeImage.h"

#include "io/AtomicFile.h"

#include <QBuffer>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace suplab {

namespace {

QString writeWhole(const QString& file, const QByteArray& bytes) {
    const std::string problem = writeFileAtomically(
        file.toStdString(), std::string_view(bytes.constData(), std::size_t(bytes.size())));
    return QString::fromStdString(problem);
}

QRectF drawnArea(QGraphicsScene& scene) {
    return scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
}

} // namespace

QString writeTreeSvg(QGraphicsScene& scene, const QString& file, const QString& title) {
    const QRectF area = drawnArea(scene);
    if (area.isEmpty()) return QStringLiteral("%1: there is no tree to draw").arg(file);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(area.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("A supervision tree drawn by SupLab"));
    {
        QPainter p(&svg);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRectF(QPointF(0, 0), area.size()),
                   scene.backgroundBrush().style() == Qt::NoBrush ? QBrush(Qt::white)
                                                                  : scene.backgroundBrush());
        scene.render(&p, QRectF(QPointF(0, 0), area.size()), area);
    }
    return writeWhole(file, buffer.data());
}

QString writeTreePng(QGraphicsScene& scene, const QString& file, double scale) {
    const QRectF area = drawnArea(scene);
    if (area.isEmpty()) return QStringLiteral("%1: there is no tree to draw").arg(file);
    const QSize pixels = (area.size() * scale).toSize();
    if (pixels.width() > 32768 || pixels.height() > 32768)
        return QStringLiteral("%1: the tree is too large for one image (%2 x %3 pixels); "
                              "collapse some subtrees or export SVG")
            .arg(file)
            .arg(pixels.width())
            .arg(pixels.height());
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&p, QRectF(QPointF(0, 0), area.size()), area);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return QStringLiteral("%1: the image could not be encoded").arg(file);
    return writeWhole(file, buffer.data());
}

} // namespace suplab
