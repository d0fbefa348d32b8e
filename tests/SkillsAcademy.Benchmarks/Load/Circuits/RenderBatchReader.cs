using System.Buffers.Binary;
using System.Text;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// Reads the few things a load client needs from a binary render batch (the format blazor.web.js reads): the event
/// handler ids attached to attributes such as <c>onclick</c>. Layout: five int32 offsets at the end (updated
/// components, reference frames, disposed component ids, disposed event handler ids, string table); reference frames
/// are a count and 20-byte entries; an attribute frame (type 3) holds name and value string indices and a uint64
/// event handler id.
/// </summary>
public static class RenderBatchReader
{
    private const int AttributeFrame = 3;
    private const int FrameSize = 20;

    /// <summary>The event handler ids of attributes named <paramref name="attributeName"/> in this batch.</summary>
    public static IReadOnlyList<ulong> EventHandlerIds(ReadOnlySpan<byte> batch, string attributeName)
    {
        var found = new List<ulong>();
        var framesOffset = ReadInt(batch, batch.Length - 16);
        var stringTable = ReadInt(batch, batch.Length - 4);
        var count = ReadInt(batch, framesOffset);
        for (var i = 0; i < count; i++)
        {
            var frame = framesOffset + 4 + (i * FrameSize);
            if (ReadInt(batch, frame) != AttributeFrame)
            {
                continue;
            }

            var handler = BinaryPrimitives.ReadUInt64LittleEndian(batch[(frame + 12)..]);
            if (handler != 0 && ReadString(batch, stringTable, ReadInt(batch, frame + 4)) == attributeName)
            {
                found.Add(handler);
            }
        }

        return found;
    }

    private static int ReadInt(ReadOnlySpan<byte> batch, int offset) => BinaryPrimitives.ReadInt32LittleEndian(batch[offset..]);

    private static string? ReadString(ReadOnlySpan<byte> batch, int stringTable, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var position = ReadInt(batch, stringTable + (4 * index));
        // BinaryWriter's string: a 7-bit encoded length, then UTF-8.
        var length = 0;
        var shift = 0;
        while (true)
        {
            var b = batch[position++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        return Encoding.UTF8.GetString(batch.Slice(position, length));
    }
}
