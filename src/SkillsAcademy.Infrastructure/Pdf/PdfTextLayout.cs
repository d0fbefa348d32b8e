using System.Globalization;
using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>
/// Breaks text into lines and draws them shaped by HarfBuzz. Chinese breaks between any two characters except
/// before closing and after opening punctuation; Latin words break at spaces.
/// </summary>
internal sealed class PdfTextLayout(PdfFonts fonts)
{
    private const string NoLineStart = "，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%·";
    private const string NoLineEnd = "（《「『【〔〈“‘([{";

    public static float LineHeight(TextStyle style) => style.Size * style.LineHeight;

    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, style, width, lines);
        }

        return lines;
    }

    /// <summary>Draws a block wrapped as <see cref="Wrap"/> says, in the typefaces <paramref name="drawing"/> gives.</summary>
    public void Draw(SKCanvas canvas, TextBlock block, IFontSource drawing)
    {
        var lineHeight = LineHeight(block.Style);
        using var paint = new SKPaint { Color = ToSkia(block.Style.Color), IsAntialias = true };
        var top = block.Y;
        foreach (var line in Wrap(block.Text, block.Style, block.Width))
        {
            var runs = Runs(line, block.Style, drawing);
            var width = runs.Sum(r => r.Width) + (block.Style.LetterSpacing * Math.Max(0, TextElements(line) - 1));
            var x = block.Alignment switch
            {
                TextAlignment.Center => block.X + ((block.Width - width) / 2),
                TextAlignment.Right => block.X + block.Width - width,
                _ => block.X,
            };
            foreach (var run in runs)
            {
                using var font = Font(run.Typeface, block.Style.Size);
                var baseline = top + ((lineHeight - (font.Metrics.Descent - font.Metrics.Ascent)) / 2) - font.Metrics.Ascent;
                x += DrawRun(canvas, drawing.Shaper(run.Typeface), run.Text, font, x, baseline, block.Style.LetterSpacing, paint);
            }

            top += lineHeight;
        }
    }

    internal static SKColor ToSkia(PdfColor color) => new(color.Red, color.Green, color.Blue);

    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };

    private static int TextElements(string text) => new StringInfo(text).LengthInTextElements;

    private static float DrawRun(SKCanvas canvas, SKShaper shaper, string text, SKFont font, float x, float baseline, float letterSpacing, SKPaint paint)
    {
        var shaped = shaper.Shape(text, font);
        if (shaped.Codepoints.Length == 0)
        {
            return 0;
        }

        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedRun(font, shaped.Codepoints.Length);
        var glyphs = run.Glyphs;
        var positions = run.Positions;
        for (var i = 0; i < shaped.Codepoints.Length; i++)
        {
            glyphs[i] = (ushort)shaped.Codepoints[i];
            // Letter spacing is added per cluster: glyphs of one character stay together.
            positions[i] = new SKPoint(shaped.Points[i].X + (letterSpacing * ClusterIndex(shaped.Clusters, i)), shaped.Points[i].Y);
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, x, baseline, paint);
        }

        var clusters = shaped.Clusters.Distinct().Count();
        return shaped.Width + (letterSpacing * clusters);
    }

    private static int ClusterIndex(uint[] clusters, int glyph)
    {
        var index = 0;
        for (var i = 1; i <= glyph; i++)
        {
            if (clusters[i] != clusters[i - 1])
            {
                index++;
            }
        }

        return index;
    }

    private void WrapParagraph(string paragraph, TextStyle style, float width, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0f;
        foreach (var token in Tokens(paragraph))
        {
            var tokenWidth = Measure(token, style);
            if (line.Length == 0 && string.IsNullOrWhiteSpace(token))
            {
                continue;
            }

            if (line.Length > 0 && lineWidth + tokenWidth > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                lineWidth = 0;
                if (string.IsNullOrWhiteSpace(token))
                {
                    continue;
                }
            }

            if (line.Length == 0 && tokenWidth > width)
            {
                // A word wider than the line (a long URL or hash): break it between characters.
                foreach (var piece in BreakLongToken(token, style, width))
                {
                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(piece);
                }

                lineWidth = Measure(line.ToString(), style);
                continue;
            }

            line.Append(token);
            lineWidth += tokenWidth;
        }

        lines.Add(line.ToString().TrimEnd());
    }

    private IEnumerable<string> BreakLongToken(string token, TextStyle style, float width)
    {
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(token);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && Measure(piece + element, style) > width)
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(element);
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var c = element[0];
            if (current.Length > 0 && NoLineStart.Contains(c, StringComparison.Ordinal))
            {
                current.Append(element);
                continue;
            }

            var breaksAround = char.IsWhiteSpace(c) || IsWide(element);
            var previousOpens = current.Length > 0 && NoLineEnd.Contains(current[^1], StringComparison.Ordinal);
            var previousIsWhiteSpace = current.Length > 0 && char.IsWhiteSpace(current[^1]);
            if (current.Length > 0 && !previousOpens && (breaksAround || previousIsWhiteSpace || IsWide(current.ToString(current.Length - 1, 1))))
            {
                tokens.Add(current.ToString());
                current.Clear();
            }

            current.Append(element);
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static bool IsWide(string element)
    {
        Rune.DecodeFromUtf16(element, out var rune, out _);
        return rune.Value is >= 0x2E80 and not (>= 0xFF61 and <= 0xFFDC);
    }

    /// <summary>The code points of <paramref name="text"/> with their UTF-16 offsets; a lone surrogate reads as U+FFFD.</summary>
    internal static IEnumerable<(int Offset, int CodePoint)> CodePoints(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            yield return (i, rune.Value);
            i += consumed;
        }
    }

    private float Measure(string text, TextStyle style) =>
        Runs(text, style, fonts).Sum(r => r.Width) + (style.LetterSpacing * TextElements(text));

    private static List<(string Text, SKTypeface Typeface, float Width)> Runs(string text, TextStyle style, IFontSource fonts)
    {
        var runs = new List<(string, SKTypeface, float)>();
        var start = 0;
        SKTypeface? current = null;
        foreach (var (i, codePoint) in CodePoints(text))
        {
            var typeface = fonts.For(codePoint, style.Weight);
            if (current is not null && typeface != current)
            {
                runs.Add(Measured(text[start..i], current, style.Size));
                start = i;
            }

            current = typeface;
        }

        if (current is not null)
        {
            runs.Add(Measured(text[start..], current, style.Size));
        }

        return runs;
    }

    private static (string, SKTypeface, float) Measured(string text, SKTypeface typeface, float size)
    {
        using var font = Font(typeface, size);
        return (text, typeface, font.MeasureText(text));
    }
}
