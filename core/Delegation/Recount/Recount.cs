using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Core.Delegation.Recount;

/// <summary>
/// The independent recount (DESIGN §7): snapshot JSON in, tally JSON out, through the same
/// engine the server runs. Anyone can audit a closed vote with it.
/// </summary>
public static partial class Recount
{
    /// <summary>
    /// Reads a snapshot from <paramref name="input"/>, prints the tally to <paramref name="stdout"/>
    /// and returns 0; or refuses it with a message on <paramref name="stderr"/> naming the culprit,
    /// writes nothing to <paramref name="stdout"/>, and returns 1.
    /// </summary>
    public static int Run(TextReader input, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string output;
        try
        {
            var snapshot = SnapshotReader.Read(ReadUtf8(input));
            output = snapshot.Alternatives is null ? Format(snapshot, Tally(snapshot)) : FormatRanked(snapshot, RankedTally(snapshot));
        }
        catch (SnapshotException e)
        {
            stderr.WriteLine($"recount: refused: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"recount: cannot read the snapshot: {e.Message}");
            return 1;
        }

        // Written only once complete, so a refusal never leaves half a result on stdout.
        stdout.Write(output);
        return 0;
    }

    /// <summary>
    /// Reads the whole input as UTF-8 in blocks: the JSON parser wants bytes, and going through
    /// one giant string would hold a 130 MB snapshot twice more (as UTF-16, then transcoded).
    /// </summary>
    internal static ReadOnlyMemory<byte> ReadUtf8(TextReader input)
    {
        if (TryReadRawUtf8(input) is ReadOnlyMemory<byte> raw) return raw;
        var encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        var chars = new char[1 << 16];
        byte[] bytes = new byte[1 << 20];
        int length = 0;
        int read;
        do
        {
            read = input.Read(chars, 0, chars.Length);
            int needed = encoder.GetByteCount(chars, 0, read, flush: read == 0);
            if (length + needed > bytes.Length) Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + needed));
            length += encoder.GetBytes(chars, 0, read, bytes, length, flush: read == 0);
        }
        while (read > 0);
        return bytes.AsMemory(0, length);
    }

    /// <summary>
    /// For a <see cref="StreamReader"/> decoding UTF-8 from a seekable stream it has not read
    /// from yet (the recount of a file), the bytes on disk already are what the parser wants:
    /// read them as they are instead of decoding 130 MB to UTF-16 and encoding it back. Falls
    /// back — rewinding the stream — wherever the reader could have produced something else:
    /// a byte-order mark of any encoding (the reader may detect it), or bytes that are not valid
    /// UTF-8 (the reader would have replaced them).
    /// </summary>
    private static ReadOnlyMemory<byte>? TryReadRawUtf8(TextReader input)
    {
        if (input is not StreamReader { CurrentEncoding: UTF8Encoding, BaseStream: { CanSeek: true, CanRead: true } stream } reader
            || stream.Position != 0 || stream.Length > Array.MaxLength - 1)
        {
            return null;
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)stream.Length + 1);
        int length = 0;
        int read;
        while ((read = stream.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += read;
            if (length == bytes.Length) Array.Resize(ref bytes, (int)Math.Min(Array.MaxLength, bytes.Length * 2L));
        }

        var text = bytes.AsSpan(0, length);
        bool bom = text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
        if (bom || !System.Text.Unicode.Utf8.IsValid(text))
        {
            stream.Position = 0;
            reader.DiscardBufferedData();
            return null;
        }

        return bytes.AsMemory(0, length);
    }

    /// <summary>Loads a snapshot into a fresh engine (member and area ids are their positions) and tallies it.</summary>
    internal static Tally Tally(Snapshot snapshot)
    {
        var engine = Load(snapshot);
        return engine.Count(Proposal, snapshot.Policy);
    }

    // The snapshot's proposal (or issue) in the engine; members and areas are their positions.
    private const long Proposal = 0;

    /// <summary>A fresh engine holding the snapshot: members, areas, delegations and yes/no votes or ranked ballots.</summary>
    private static DelegationEngine Load(Snapshot snapshot)
    {
        var engine = new DelegationEngine(snapshot.MemberIds.Count);
        for (int m = 0; m < snapshot.MemberIds.Count; m++) engine.AddMember(m, snapshot.VotingRights[m]);

        // Parents before children: the engine's area tree is append-only.
        var added = new bool[snapshot.AreaIds.Length];
        for (int a = 0; a < added.Length; a++) AddArea(a);

        const long proposal = Proposal;
        engine.AddProposal(proposal, snapshot.Area);

        // The snapshot is validated and its ids are the engine's indices: load without lookups.
        Span<int> delegates = stackalloc int[3];
        foreach (var d in snapshot.Delegations)
        {
            delegates[0] = d.D0;
            delegates[1] = d.D1;
            delegates[2] = d.D2;
            var scope = d.Kind switch
            {
                ScopeKind.Global => DelegationScope.Global,
                ScopeKind.Area => DelegationScope.ForArea(d.Area),
                _ => DelegationScope.ForProposal(proposal),
            };
            engine.SetValidatedDelegation(d.Member, scope, delegates[..d.Count]);
        }

        if (snapshot.Rankings is { } rankings)
        {
            foreach (var (member, _) in snapshot.Votes) engine.CastRankedBallot(proposal, member, rankings[member]);
        }
        else
        {
            foreach (var (member, choice) in snapshot.Votes) engine.CastVote(proposal, member, choice);
        }

        return engine;

        void AddArea(int a)
        {
            if (added[a]) return;
            int parent = snapshot.AreaParents[a];
            if (parent >= 0) AddArea(parent);
            engine.AddArea(a, parent >= 0 ? parent : null);
            added[a] = true;
        }
    }

    /// <summary>The output of DESIGN §7, key for key and line for line.</summary>
    internal static string Format(Snapshot snapshot, Tally tally)
    {
        var text = new StringBuilder(64 + (tally.Weights.Count * 24));
        text.Append("{\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  \"eligible\": {tally.Eligible}, \"voters\": {tally.Voters}, \"represented\": {tally.Represented}, \"unrepresented\": {tally.Unrepresented},\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  \"yes\": {Number(tally.Yes)}, \"no\": {Number(tally.No)}, \"abstain\": {Number(tally.Abstain)},\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  \"quorumReached\": {Bool(tally.QuorumReached)}, \"passed\": {Bool(tally.Passed)},\n");
        text.Append("  \"weights\": {");
        for (int i = 0; i < tally.Weights.Count; i++)
        {
            var w = tally.Weights[i];
            text.Append(i == 0 ? " " : ", ").Append(Quote(snapshot.MemberIds[(int)w.MemberId])).Append(": ").Append(Number(w.Weight));
        }

        text.Append(tally.Weights.Count == 0 ? "},\n" : " },\n");
        text.Append("  \"superDelegates\": [");
        for (int i = 0; i < tally.SuperDelegates.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Quote(snapshot.MemberIds[(int)tally.SuperDelegates[i]]));
        }

        text.Append("]\n}\n");
        return text.ToString();
    }

    /// <summary>Shortest round-trip form, with ".0" on whole numbers as in §7 ("3.0").</summary>
    internal static string Number(double value)
    {
        string s = value.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal)) s = ((decimal)value).ToString(CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) ? s : s + ".0";
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Quote(string id) => JsonSerializer.Serialize(id);
}
