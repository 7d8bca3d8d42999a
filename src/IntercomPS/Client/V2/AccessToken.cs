using System;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// A REST API 2.x access token. It stays in a SecureString; the Bearer header is built for each request, and no
    /// long-lived string copy exists beyond the one the header itself holds while the request is sent.
    /// ToString() never shows the token, and a token that cannot be sent is refused saying why, never showing it.
    /// </summary>
    public sealed class AccessToken
    {
        private readonly SecureString _token;

        public AccessToken(SecureString token)
        {
            if (token is null || token.Length == 0) throw new ArgumentException("The access token is empty.", nameof(token));
            // Checked here, before any request: a header that cannot be built would fail as if sent.
            if (CredentialText.Problem(token, "Bearer ") is { } problem) throw new ArgumentException($"The access token {problem}. Copy it again from Intercom's Developer Hub.");
            _token = token.Copy();
            _token.MakeReadOnly();
            Fingerprint = Hash(_token);
        }

        /// <summary>A SHA-256 of the token, in hex: tells two sessions of one token apart from others without keeping the token.</summary>
        internal string Fingerprint { get; }

        private static string Hash(SecureString token)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(token);
            var bytes = new byte[token.Length * 2];
            try
            {
                Marshal.Copy(pointer, bytes, 0, bytes.Length);
                using var sha = System.Security.Cryptography.SHA256.Create();
                return BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", string.Empty);
            }
            finally
            {
                Array.Clear(bytes, 0, bytes.Length);
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        internal AuthenticationHeaderValue CreateHeader()
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(_token);
            try
            {
                return new AuthenticationHeaderValue("Bearer", Marshal.PtrToStringUni(pointer, _token.Length));
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public override string ToString() => "********";
    }
}
