namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>
/// Turns a <see cref="PdfDocumentModel"/> into a PDF, or into PNG pages drawn the same way (previews, and
/// tests that read the QR code back). Callers build models; only the implementation knows the graphics library.
/// </summary>
public interface IPdfRenderer
{
    /// <summary>Writes the document as PDF to <paramref name="output"/>.</summary>
    void RenderPdf(PdfDocumentModel document, Stream output);

    /// <summary>The document as PDF bytes.</summary>
    byte[] RenderPdf(PdfDocumentModel document);

    /// <summary>Every page as a PNG at <paramref name="dotsPerInch"/>, on white.</summary>
    IReadOnlyList<byte[]> RenderPng(PdfDocumentModel document, float dotsPerInch);

    /// <summary>The pages the document will have once its tables are broken into pages.</summary>
    int CountPages(PdfDocumentModel document);
}
