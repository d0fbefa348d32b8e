using System.Runtime.InteropServices;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>
/// Cuts a font down to the characters one document uses, with HarfBuzz's hb_subset (exported by the
/// libHarfBuzzSharp.so that SkiaSharp.HarfBuzz already loads; HarfBuzzSharp has no managed wrapper for it).
/// Skia's PDF backend cannot subset by itself: a 7,700-glyph font either goes whole into the file (TrueType)
/// or becomes one Type 3 font per 255 glyph IDs touched, each costing the metrics of all 255 glyphs (CFF).
/// A per-document subset has a few hundred glyphs at most, so one or two small Type 3 fonts.
/// </summary>
internal sealed unsafe class HarfBuzzSubsetter : IDisposable
{
    private const string Library = "libHarfBuzzSharp";
    private const int ReadOnlyMemory = 1; // HB_MEMORY_MODE_READONLY: HarfBuzz reads our copy in place

    // The font lives in native memory owned here: a managed array could be moved by the GC under HarfBuzz
    // (HarfBuzzSharp's Blob.FromStream keeps a pointer to an unpinned array; that crashed under load).
    private readonly IntPtr _data;
    private readonly IntPtr _blob;
    private readonly IntPtr _face;

    public HarfBuzzSubsetter(ReadOnlySpan<byte> font)
    {
        _data = (IntPtr)NativeMemory.Alloc((nuint)font.Length);
        font.CopyTo(new Span<byte>((void*)_data, font.Length));
        _blob = Native.hb_blob_create(_data, (uint)font.Length, ReadOnlyMemory, IntPtr.Zero, IntPtr.Zero);
        using (var source = new FaceHandle(Native.hb_face_create(_blob, 0)))
        {
            // Preprocessed once: the cmap and glyph closure tables every subset needs are then built here, not per
            // document (collecting the 7,700-entry cmap was the largest part of each hb_subset call).
            _face = Native.hb_subset_preprocess(source.Face);
        }

        Native.hb_face_make_immutable(_face);
    }

    /// <summary>An OpenType font holding only <paramref name="codePoints"/> (plus .notdef and what shaping needs).</summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        var input = Native.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("HarfBuzz could not allocate a subset input.");
        }

        try
        {
            var unicodes = Native.hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                Native.hb_set_add(unicodes, (uint)codePoint);
            }

            var subset = Native.hb_subset_or_fail(_face, input);
            if (subset == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz could not subset the font.");
            }

            try
            {
                var blob = Native.hb_face_reference_blob(subset);
                try
                {
                    var data = Native.hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    Native.hb_blob_destroy(blob);
                }
            }
            finally
            {
                Native.hb_face_destroy(subset);
            }
        }
        finally
        {
            Native.hb_subset_input_destroy(input);
        }
    }

    public void Dispose()
    {
        Native.hb_face_destroy(_face);
        Native.hb_blob_destroy(_blob);
        NativeMemory.Free((void*)_data);
    }

    private readonly struct FaceHandle(IntPtr face) : IDisposable
    {
        public IntPtr Face { get; } = face;

        public void Dispose() => Native.hb_face_destroy(Face);
    }

    private static class Native
    {
        [DllImport(Library)]
        public static extern IntPtr hb_subset_preprocess(IntPtr source);

        [DllImport(Library)]
        public static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

        [DllImport(Library)]
        public static extern IntPtr hb_face_create(IntPtr blob, uint index);

        [DllImport(Library)]
        public static extern void hb_face_make_immutable(IntPtr face);

        [DllImport(Library)]
        public static extern IntPtr hb_subset_input_create_or_fail();

        [DllImport(Library)]
        public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

        [DllImport(Library)]
        public static extern void hb_subset_input_destroy(IntPtr input);

        [DllImport(Library)]
        public static extern void hb_set_add(IntPtr set, uint codePoint);

        [DllImport(Library)]
        public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

        [DllImport(Library)]
        public static extern IntPtr hb_face_reference_blob(IntPtr face);

        [DllImport(Library)]
        public static extern void hb_face_destroy(IntPtr face);

        [DllImport(Library)]
        public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

        [DllImport(Library)]
        public static extern void hb_blob_destroy(IntPtr blob);
    }
}
