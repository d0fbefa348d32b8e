using QRCoder;
using SkiaSharp;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>
/// The PDF engine on SkiaSharp: <c>SKDocument.CreatePdf</c> for PDF, the same drawing code on a raster surface
/// for PNG. Text is shaped by HarfBuzz; each PDF gets the shipped TrueType fonts cut down to its own characters
/// (hb_subset), which Skia embeds as small CID fonts. Shapes are drawn in the forms that Skia writes compactly
/// (docs/performance.md has the measurements behind both). Thread-safe; register once.
/// </summary>
public sealed class SkiaPdfRenderer : IPdfRenderer, IDisposable
{
    private readonly PdfFonts _fonts = new();
    private readonly PdfTextLayout _text;

    public SkiaPdfRenderer() => _text = new PdfTextLayout(_fonts);

    public void RenderPdf(PdfDocumentModel document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Author = document.Author,
            Creator = "SkillsAcademy",
            Producer = "SkillsAcademy PDF engine (SkiaSharp)",
            RasterDpi = 300,
            EncodingQuality = 90,
        };
        var pages = Pages(document).ToList();
        using var fonts = FontsFor(pages);
        using var stream = new SKManagedWStream(output);
        using var pdf = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        foreach (var page in pages)
        {
            var canvas = pdf.BeginPage(PageSize.Width(page.Orientation), PageSize.Height(page.Orientation));
            Draw(canvas, page, fonts);
            pdf.EndPage();
        }

        pdf.Close();
    }

    public byte[] RenderPdf(PdfDocumentModel document)
    {
        using var output = new MemoryStream();
        RenderPdf(document, output);
        return output.ToArray();
    }

    public IReadOnlyList<byte[]> RenderPng(PdfDocumentModel document, float dotsPerInch)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(dotsPerInch, 10);
        var scale = dotsPerInch / 72f;
        var images = new List<byte[]>();
        foreach (var page in Pages(document))
        {
            var info = new SKImageInfo(
                (int)Math.Ceiling(PageSize.Width(page.Orientation) * scale),
                (int)Math.Ceiling(PageSize.Height(page.Orientation) * scale));
            using var surface = SKSurface.Create(info)
                ?? throw new InvalidOperationException("SkiaSharp could not create a raster surface.");
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            Draw(canvas, page, _fonts);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            images.Add(png.ToArray());
        }

        return images;
    }

    public int CountPages(PdfDocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Pages(document).Count();
    }

    public void Dispose() => _fonts.Dispose();

    private IEnumerable<FixedPage> Pages(PdfDocumentModel document)
    {
        foreach (var section in document.Sections)
        {
            switch (section)
            {
                case FixedPage page:
                    yield return page;
                    break;
                case TablePages table:
                    foreach (var page in TablePaginator.Paginate(table, (text, style, width) => _text.Wrap(text, style, width).Count))
                    {
                        yield return page;
                    }

                    break;
                default:
                    throw new NotSupportedException($"The section type {section.GetType().Name} is not supported.");
            }
        }
    }

    private DocumentFonts FontsFor(IEnumerable<FixedPage> pages)
    {
        var regular = new HashSet<int>();
        var bold = new HashSet<int>();
        foreach (var block in pages.SelectMany(p => p.Elements).OfType<TextBlock>())
        {
            var set = block.Style.Weight == FontWeight.Bold ? bold : regular;
            foreach (var (_, codePoint) in PdfTextLayout.CodePoints(block.Text))
            {
                set.Add(codePoint);
            }
        }

        return new DocumentFonts(_fonts, regular, bold);
    }

    private void Draw(SKCanvas canvas, FixedPage page, IFontSource fonts)
    {
        foreach (var element in page.Elements)
        {
            switch (element)
            {
                case TextBlock text:
                    _text.Draw(canvas, text, fonts);
                    break;
                case LineElement line:
                    using (var paint = Stroke(line.Color, line.Thickness))
                    {
                        canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, paint);
                    }

                    break;
                case RectangleElement rectangle when rectangle.CornerRadius <= 0:
                    DrawShape(rectangle.Fill, rectangle.Stroke, rectangle.StrokeWidth, paint =>
                        canvas.DrawRect(SKRect.Create(rectangle.X, rectangle.Y, rectangle.Width, rectangle.Height), paint));
                    break;
                case RectangleElement rectangle:
                    using (var path = RoundedRectangle(SKRect.Create(rectangle.X, rectangle.Y, rectangle.Width, rectangle.Height), rectangle.CornerRadius))
                    {
                        DrawShape(rectangle.Fill, rectangle.Stroke, rectangle.StrokeWidth, paint => canvas.DrawPath(path, paint));
                    }

                    break;
                case CircleElement circle:
                    using (var path = Circle(circle.CenterX, circle.CenterY, circle.Radius))
                    {
                        DrawShape(circle.Fill, circle.Stroke, circle.StrokeWidth, paint => canvas.DrawPath(path, paint));
                    }

                    break;
                case PolygonElement polygon:
                    using (var builder = new SKPathBuilder())
                    {
                        builder.AddPoly([.. polygon.Points.Select(p => new SKPoint(p.X, p.Y))], close: true);
                        using var path = builder.Detach();
                        DrawShape(polygon.Fill, polygon.Stroke, polygon.StrokeWidth, paint => canvas.DrawPath(path, paint));
                    }

                    break;
                case ImageElement image:
                    using (var data = SKData.CreateCopy(image.EncodedImage.Span))
                    using (var decoded = SKImage.FromEncodedData(data)
                        ?? throw new InvalidOperationException("An image element holds no PNG or JPEG image."))
                    {
                        canvas.DrawImage(decoded, SKRect.Create(image.X, image.Y, image.Width, image.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                    }

                    break;
                case QrCodeElement qr:
                    DrawQrCode(canvas, qr);
                    break;
                default:
                    throw new NotSupportedException($"The page element {element.GetType().Name} is not supported.");
            }
        }
    }

    private static void DrawShape(PdfColor? fill, PdfColor? stroke, float strokeWidth, Action<SKPaint> draw)
    {
        if (fill is { } fillColor)
        {
            using var paint = new SKPaint { Color = PdfTextLayout.ToSkia(fillColor), IsAntialias = true, Style = SKPaintStyle.Fill };
            draw(paint);
        }

        if (stroke is { } strokeColor)
        {
            using var paint = Stroke(strokeColor, strokeWidth);
            draw(paint);
        }
    }

    private static SKPaint Stroke(PdfColor color, float width) =>
        new() { Color = PdfTextLayout.ToSkia(color), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    // Circles and rounded corners as cubic Béziers, one per quarter (radial error under 0.03 %): Skia's PDF backend
    // writes DrawCircle's and DrawRoundRect's conics as 8 curves per quarter, which made the emblem's fourteen
    // circles and the two rounded boxes the largest part of a certificate's page content (and of its deflate time).
    private const float Kappa = 0.5522848f;

    private static SKPath Circle(float cx, float cy, float r)
    {
        var k = Kappa * r;
        using var builder = new SKPathBuilder();
        builder.MoveTo(cx + r, cy);
        builder.CubicTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        builder.CubicTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        builder.CubicTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        builder.CubicTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        builder.Close();
        return builder.Detach();
    }

    private static SKPath RoundedRectangle(SKRect box, float radius)
    {
        var r = Math.Min(radius, Math.Min(box.Width, box.Height) / 2);
        var k = Kappa * r;
        using var builder = new SKPathBuilder();
        builder.MoveTo(box.Left + r, box.Top);
        builder.LineTo(box.Right - r, box.Top);
        builder.CubicTo(box.Right - r + k, box.Top, box.Right, box.Top + r - k, box.Right, box.Top + r);
        builder.LineTo(box.Right, box.Bottom - r);
        builder.CubicTo(box.Right, box.Bottom - r + k, box.Right - r + k, box.Bottom, box.Right - r, box.Bottom);
        builder.LineTo(box.Left + r, box.Bottom);
        builder.CubicTo(box.Left + r - k, box.Bottom, box.Left, box.Bottom - r + k, box.Left, box.Bottom - r);
        builder.LineTo(box.Left, box.Top + r);
        builder.CubicTo(box.Left, box.Top + r - k, box.Left + r - k, box.Top, box.Left + r, box.Top);
        builder.Close();
        return builder.Detach();
    }

    private static void DrawQrCode(SKCanvas canvas, QrCodeElement qr)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(qr.Content, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        // Modules on a 1/16-point grid, centred in the square: exact binary fractions, so the PDF writes short
        // numbers ("657.5625", not "657.31036") and the code stays within 1/16 pt a module of its size.
        var module = MathF.Floor(qr.Size / modules.Count * 16) / 16;
        if (module <= 0)
        {
            module = qr.Size / modules.Count;
        }

        var left = qr.X + ((qr.Size - (module * modules.Count)) / 2);
        var top = qr.Y + ((qr.Size - (module * modules.Count)) / 2);
        // One stroked path of horizontal runs, each a line one module thick with butt ends: two PDF operators per
        // run (a filled rectangle costs six) and, drawn in one operation, no seams between neighbouring modules.
        using var builder = new SKPathBuilder();
        for (var row = 0; row < modules.Count; row++)
        {
            var line = modules[row];
            var y = top + ((row + 0.5f) * module);
            var column = 0;
            while (column < line.Length)
            {
                if (!line[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < line.Length && line[column])
                {
                    column++;
                }

                builder.MoveTo(left + (start * module), y);
                builder.LineTo(left + (column * module), y);
            }
        }

        using var path = builder.Detach();
        using var paint = new SKPaint
        {
            Color = PdfTextLayout.ToSkia(qr.Color), IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = module, StrokeCap = SKStrokeCap.Butt,
        };
        canvas.DrawPath(path, paint);
    }
}
