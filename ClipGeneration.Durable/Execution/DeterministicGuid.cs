using System.Security.Cryptography;
using System.Text;

namespace ClipGeneration.Durable.Execution;

/// <summary>Name-based UUID version 5 (RFC 4122 §4.3): the same name always gives the same id.</summary>
internal static class DeterministicGuid
{
    // A fixed namespace of this engine's own, so its ids cannot collide with other name-based UUIDs.
    private static readonly Guid EngineNamespace = new("1b3a7f50-8c5e-4d69-9b2a-6f0c1e2d3a4b");

    public static Guid Create(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        EngineNamespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; it names ids, it does not protect anything.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
