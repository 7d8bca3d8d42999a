using System;
using System.Runtime.InteropServices;
using System.Security;

namespace IntercomPS.Client
{
    /// <summary>
    /// Checks that a secret can travel in an HTTP header before anything is sent, so a pasted token with a line break
    /// or a character that is not ASCII is refused saying what is wrong (never what it is) instead of failing as a lost
    /// answer. Reads the SecureString into a buffer that is wiped at once.
    /// </summary>
    internal static class CredentialText
    {
        /// <summary>
        /// What makes <paramref name="secret"/> unsendable, as the end of a sentence about it, or null when it is fine.
        /// A Bearer token is one word; a Basic key is base64-encoded, so spaces inside it travel (v1's dummy app takes "any key").
        /// </summary>
        public static string? Problem(SecureString secret, string? forbiddenPrefix = null, bool spacesInside = false)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            var chars = new char[secret.Length];
            try
            {
                Marshal.Copy(pointer, chars, 0, chars.Length);
                return Problem(chars, forbiddenPrefix, spacesInside);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        private static string? Problem(char[] text, string? forbiddenPrefix, bool spacesInside)
        {
            if (forbiddenPrefix is not null && StartsWith(text, forbiddenPrefix))
                return $"starts with '{forbiddenPrefix}': give the token alone, IntercomPS adds the scheme";
            var last = text[text.Length - 1];
            if (last == '\n' || last == '\r') return "ends with a line break (copied with it?)";
            if (char.IsWhiteSpace(text[0])) return $"starts with {Name(text[0])}";
            if (char.IsWhiteSpace(last)) return $"ends with {Name(last)}";
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c > '\u007f') return $"contains a character that is not ASCII (the {Ordinal(i + 1)}), which no HTTP header can carry";
                if (c < ' ' || c == '\u007f' || (c == ' ' && !spacesInside)) return $"contains a {(c == ' ' ? "space" : "control character")} (the {Ordinal(i + 1)})";
            }
            return null;
        }

        private static bool StartsWith(char[] text, string prefix)
        {
            if (text.Length < prefix.Length) return false;
            for (var i = 0; i < prefix.Length; i++)
                if (char.ToLowerInvariant(text[i]) != char.ToLowerInvariant(prefix[i])) return false;
            return true;
        }

        private static string Name(char c) => c switch
        {
            ' ' => "a space",
            '\t' => "a tab",
            '\n' or '\r' => "a line break",
            _ => "white space",
        };

        private static string Ordinal(int n) => (n % 100) switch
        {
            11 or 12 or 13 => n + "th",
            _ => (n % 10) switch { 1 => n + "st", 2 => n + "nd", 3 => n + "rd", _ => n + "th" },
        };
    }
}
