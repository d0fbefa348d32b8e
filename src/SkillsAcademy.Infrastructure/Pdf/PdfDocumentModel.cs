using System.Globalization;

namespace SkillsAcademy.Infrastructure.Pdf;

// The engine's document model: plain records in PDF points (1/72 inch), origin at the top-left corner of the
// page, y growing downwards. Nothing here names SkiaSharp, so the engine behind IPdfRenderer can be swapped.

/// <summary>A4 pages only: every document the platform prints (certificates, records, exports) is A4.</summary>
public enum PageOrientation
{
    Portrait,
    Landscape,
}

/// <summary>Horizontal placement of each line of a text block inside its width.</summary>
public enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>The two weights of the shipped font.</summary>
public enum FontWeight
{
    Regular,
    Bold,
}

/// <summary>An opaque sRGB colour; documents are printed, so no transparency.</summary>
public readonly record struct PdfColor(byte Red, byte Green, byte Blue)
{
    public static PdfColor Black { get; } = new(0, 0, 0);

    public static PdfColor White { get; } = new(255, 255, 255);

    /// <summary>Parses <c>#RRGGBB</c>, the form designers hand over.</summary>
    public static PdfColor FromHex(string hex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hex);
        var digits = hex.AsSpan().TrimStart('#');
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"'{hex}' is not a colour of the form #RRGGBB.", nameof(hex));
        }

        return new PdfColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }
}

/// <summary>A point on the page, in points from the top-left corner.</summary>
public readonly record struct PdfPoint(float X, float Y);

/// <summary>How a text block looks. <paramref name="LineHeight"/> is a multiple of the font size.</summary>
public sealed record TextStyle(
    float Size,
    FontWeight Weight = FontWeight.Regular,
    PdfColor Color = default,
    float LetterSpacing = 0,
    float LineHeight = 1.4f);

/// <summary>Something drawn at a fixed place on a page.</summary>
public abstract record PageElement;

/// <summary>
/// Text wrapped to <paramref name="Width"/> (between CJK characters and at spaces); <paramref name="Y"/> is the
/// top of the first line.
/// </summary>
public sealed record TextBlock(
    float X,
    float Y,
    float Width,
    string Text,
    TextStyle Style,
    TextAlignment Alignment = TextAlignment.Left) : PageElement;

/// <summary>A straight line.</summary>
public sealed record LineElement(float X1, float Y1, float X2, float Y2, PdfColor Color, float Thickness = 1) : PageElement;

/// <summary>A rectangle, filled and/or stroked, optionally with rounded corners.</summary>
public sealed record RectangleElement(
    float X,
    float Y,
    float Width,
    float Height,
    PdfColor? Fill = null,
    PdfColor? Stroke = null,
    float StrokeWidth = 1,
    float CornerRadius = 0) : PageElement;

/// <summary>A circle, filled and/or stroked.</summary>
public sealed record CircleElement(
    float CenterX,
    float CenterY,
    float Radius,
    PdfColor? Fill = null,
    PdfColor? Stroke = null,
    float StrokeWidth = 1) : PageElement;

/// <summary>A closed polygon (stars, ornaments), filled and/or stroked.</summary>
public sealed record PolygonElement(
    IReadOnlyList<PdfPoint> Points,
    PdfColor? Fill = null,
    PdfColor? Stroke = null,
    float StrokeWidth = 1) : PageElement;

/// <summary>An encoded PNG or JPEG image scaled into the given box.</summary>
public sealed record ImageElement(float X, float Y, float Width, float Height, ReadOnlyMemory<byte> EncodedImage) : PageElement;

/// <summary>
/// A QR code (error correction level M, with its quiet zone) drawn as vector squares filling
/// <paramref name="Size"/> × <paramref name="Size"/>: sharp at any zoom and print resolution.
/// </summary>
public sealed record QrCodeElement(float X, float Y, float Size, string Content, PdfColor Color = default) : PageElement;

/// <summary>One or more pages of a document.</summary>
public abstract record PdfSection(PageOrientation Orientation);

/// <summary>One page whose elements are all placed by the caller.</summary>
public sealed record FixedPage(PageOrientation Orientation, IReadOnlyList<PageElement> Elements) : PdfSection(Orientation);

/// <summary>
/// A table that flows over as many pages as its rows need. Every page gets <paramref name="PageHeader"/>,
/// the table's header row at <paramref name="TableTop"/>, and the page number at the bottom.
/// </summary>
public sealed record TablePages(
    PageOrientation Orientation,
    IReadOnlyList<PageElement> PageHeader,
    float TableTop,
    PdfTable Table,
    PageNumbering Numbering,
    float Margin = 42) : PdfSection(Orientation);

/// <summary>A column: its title, its share of the table's width and how its cells align.</summary>
public sealed record TableColumn(string Title, float Weight, TextAlignment Alignment = TextAlignment.Left);

/// <summary>Rows of strings under repeated column titles; a row is never split across pages.</summary>
public sealed record PdfTable(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    TextStyle HeaderStyle,
    TextStyle CellStyle,
    PdfColor HeaderFill,
    PdfColor RuleColor,
    PdfColor? StripeFill = null,
    float CellPadding = 4);

/// <summary>
/// The page number line under a table; <paramref name="Format"/> takes {0} = this page and {1} = the pages of
/// the section, e.g. "第 {0} 页 / 共 {1} 页".
/// </summary>
public sealed record PageNumbering(string Format, TextStyle Style);

/// <summary>A whole document: metadata and its sections in order.</summary>
public sealed record PdfDocumentModel(string Title, string Author, IReadOnlyList<PdfSection> Sections);

/// <summary>A4 dimensions in points.</summary>
public static class PageSize
{
    public const float A4ShortSide = 595.28f;
    public const float A4LongSide = 841.89f;

    public static float Width(PageOrientation orientation) =>
        orientation == PageOrientation.Portrait ? A4ShortSide : A4LongSide;

    public static float Height(PageOrientation orientation) =>
        orientation == PageOrientation.Portrait ? A4LongSide : A4ShortSide;
}
