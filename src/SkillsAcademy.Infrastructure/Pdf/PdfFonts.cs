using System.Collections.Concurrent;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>Where text layout gets the typeface for a character and the HarfBuzz shaper for a typeface.</summary>
internal interface IFontSource
{
    SKTypeface For(int codePoint, FontWeight weight);

    SKShaper Shaper(SKTypeface typeface);
}

/// <summary>
/// The shipped Noto Sans SC subsets (all CJK Unified Ideographs of U+4E00–U+9FFF, see Fonts/README.md), loaded once
/// from the assembly, with one HarfBuzz shaper each. Characters the subsets lack (Extension A and beyond, emoji) go
/// to the font manager's fallback; SkiaSharp's NoDependencies Linux build has an empty font manager, so there they
/// draw as the font's .notdef box.
/// </summary>
internal sealed class PdfFonts : IFontSource, IDisposable
{
    private const string ResourcePrefix = "SkillsAcademy.Infrastructure.Pdf.Fonts.";
    private static readonly string[] s_chineseLocale = ["zh-Hans", "zh-CN", "zh"];

    private readonly ConcurrentDictionary<SKTypeface, SKShaper> _shapers = new();
    private readonly ConcurrentDictionary<(int CodePoint, FontWeight Weight), SKTypeface?> _fallbacks = new();
    private readonly SKFont _regularCoverage;
    private readonly SKFont _boldCoverage;

    public PdfFonts()
    {
        Regular = Load("NotoSansSC-Regular-Han.ttf", out var regularSubsetter);
        Bold = Load("NotoSansSC-Bold-Han.ttf", out var boldSubsetter);
        RegularSubsetter = regularSubsetter;
        BoldSubsetter = boldSubsetter;
        _regularCoverage = new SKFont(Regular);
        _boldCoverage = new SKFont(Bold);
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public HarfBuzzSubsetter RegularSubsetter { get; }

    public HarfBuzzSubsetter BoldSubsetter { get; }

    public SKTypeface Primary(FontWeight weight) => weight == FontWeight.Bold ? Bold : Regular;

    /// <summary>Whether the shipped font of that weight draws <paramref name="codePoint"/>.</summary>
    public bool Covers(int codePoint, FontWeight weight) =>
        (weight == FontWeight.Bold ? _boldCoverage : _regularCoverage).ContainsGlyph(codePoint);

    /// <summary>The typeface that draws <paramref name="codePoint"/>: the shipped one when it can.</summary>
    public SKTypeface For(int codePoint, FontWeight weight) =>
        Covers(codePoint, weight) ? Primary(weight) : Fallback(codePoint, weight) ?? Primary(weight);

    /// <summary>A font manager's typeface for a character the shipped font lacks, or null when there is none.</summary>
    public SKTypeface? Fallback(int codePoint, FontWeight weight) =>
        _fallbacks.GetOrAdd((codePoint, weight), static key =>
            SKFontManager.Default.MatchCharacter(
                null,
                key.Weight == FontWeight.Bold ? SKFontStyle.Bold : SKFontStyle.Normal,
                s_chineseLocale,
                key.CodePoint));

    public SKShaper Shaper(SKTypeface typeface) => _shapers.GetOrAdd(typeface, static t => new SKShaper(t));

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }

        _regularCoverage.Dispose();
        _boldCoverage.Dispose();
        RegularSubsetter.Dispose();
        BoldSubsetter.Dispose();
        Regular.Dispose();
        Bold.Dispose();
    }

    private static SKTypeface Load(string fileName, out HarfBuzzSubsetter subsetter)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The font {fileName} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        subsetter = new HarfBuzzSubsetter(bytes);
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {fileName} could not be read.");
    }
}

/// <summary>
/// The fonts of one PDF: the shipped fonts cut down to the characters the document draws, so the file holds
/// only those glyphs; everything else (fallback fonts) comes from <see cref="PdfFonts"/>.
/// </summary>
internal sealed class DocumentFonts : IFontSource, IDisposable
{
    private readonly PdfFonts _fonts;
    private readonly SKTypeface? _regular;
    private readonly SKTypeface? _bold;
    private readonly SKShaper? _regularShaper;
    private readonly SKShaper? _boldShaper;

    public DocumentFonts(PdfFonts fonts, IReadOnlySet<int> regularCodePoints, IReadOnlySet<int> boldCodePoints)
    {
        _fonts = fonts;
        _regular = SubsetOrNull(fonts.RegularSubsetter, regularCodePoints);
        _bold = SubsetOrNull(fonts.BoldSubsetter, boldCodePoints);
        _regularShaper = _regular is null ? null : new SKShaper(_regular);
        _boldShaper = _bold is null ? null : new SKShaper(_bold);
    }

    public SKTypeface For(int codePoint, FontWeight weight)
    {
        var subset = weight == FontWeight.Bold ? _bold : _regular;
        if (subset is null)
        {
            return _fonts.For(codePoint, weight);
        }

        // A character no font has draws as the subset's .notdef box: falling back to the whole shipped font here
        // put all of it into the PDF (a certificate for 许堃 was 1.4 MB instead of 40 KB).
        return _fonts.Covers(codePoint, weight) ? subset : _fonts.Fallback(codePoint, weight) ?? subset;
    }

    public SKShaper Shaper(SKTypeface typeface) =>
        typeface == _regular ? _regularShaper! : typeface == _bold ? _boldShaper! : _fonts.Shaper(typeface);

    public void Dispose()
    {
        _regularShaper?.Dispose();
        _boldShaper?.Dispose();
        _regular?.Dispose();
        _bold?.Dispose();
    }

    private static SKTypeface? SubsetOrNull(HarfBuzzSubsetter subsetter, IReadOnlySet<int> codePoints)
    {
        if (codePoints.Count == 0)
        {
            return null;
        }

        using var data = SKData.CreateCopy(subsetter.Subset(codePoints));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not read a font subset.");
    }
}
