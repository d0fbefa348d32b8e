using System.Globalization;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>
/// Lays a <see cref="TablePages"/> section out as fixed pages: rows go down the page until the next would cross
/// the bottom margin, then a new page starts with the page header and the column titles again.
/// </summary>
internal static class TablePaginator
{
    public static IReadOnlyList<FixedPage> Paginate(TablePages section, Func<string, TextStyle, float, int> countLines)
    {
        var table = section.Table;
        var pageWidth = PageSize.Width(section.Orientation);
        var pageHeight = PageSize.Height(section.Orientation);
        var contentWidth = pageWidth - (2 * section.Margin);
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => contentWidth * c.Weight / totalWeight).ToArray();
        var numberingHeight = PdfTextLayout.LineHeight(section.Numbering.Style);
        var bottom = pageHeight - section.Margin - numberingHeight - 8;

        float RowHeight(IReadOnlyList<string> cells, TextStyle style)
        {
            var lines = 1;
            for (var i = 0; i < widths.Length; i++)
            {
                var text = i < cells.Count ? cells[i] : "";
                lines = Math.Max(lines, countLines(text, style, widths[i] - (2 * table.CellPadding)));
            }

            return (lines * PdfTextLayout.LineHeight(style)) + (2 * table.CellPadding);
        }

        void AddRow(List<PageElement> page, IReadOnlyList<string> cells, TextStyle style, float y, float height, PdfColor? fill, float rule)
        {
            if (fill is { } background)
            {
                page.Add(new RectangleElement(section.Margin, y, contentWidth, height, Fill: background));
            }

            var x = section.Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                var text = i < cells.Count ? cells[i] : "";
                page.Add(new TextBlock(x + table.CellPadding, y + table.CellPadding, widths[i] - (2 * table.CellPadding), text, style, table.Columns[i].Alignment));
                x += widths[i];
            }

            page.Add(new LineElement(section.Margin, y + height, section.Margin + contentWidth, y + height, table.RuleColor, rule));
        }

        var titles = table.Columns.Select(c => c.Title).ToList();
        var headerHeight = RowHeight(titles, table.HeaderStyle);
        var pages = new List<List<PageElement>>();
        List<PageElement> current = [];
        var y = 0f;
        var rowsOnPage = 0;

        void StartPage()
        {
            current = [.. section.PageHeader];
            pages.Add(current);
            AddRow(current, titles, table.HeaderStyle, section.TableTop, headerHeight, table.HeaderFill, 1f);
            y = section.TableTop + headerHeight;
            rowsOnPage = 0;
        }

        StartPage();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var height = RowHeight(table.Rows[r], table.CellStyle);
            // A row taller than a whole page is drawn anyway (and clipped) rather than looping forever.
            if (y + height > bottom && rowsOnPage > 0)
            {
                StartPage();
            }

            AddRow(current, table.Rows[r], table.CellStyle, y, height, r % 2 == 1 ? table.StripeFill : null, 0.5f);
            y += height;
            rowsOnPage++;
        }

        return pages.Select((elements, index) =>
        {
            var number = string.Format(CultureInfo.InvariantCulture, section.Numbering.Format, index + 1, pages.Count);
            elements.Add(new TextBlock(section.Margin, pageHeight - section.Margin - numberingHeight, contentWidth, number, section.Numbering.Style, TextAlignment.Center));
            return new FixedPage(section.Orientation, elements);
        }).ToList();
    }
}
