using System;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// A REST API 2.x access token. It stays in a SecureString; the Bearer header is built for each request, and no
    /// long-lived string copy exists beyond the one the header itself holds while the request is sent.
    /// ToString() never shows the token.
    /// </summary>
    public sealed class AccessToken
    {
        private readonly SecureString _token;

        public AccessToken(SecureString token)
        {
            if (token is null || token.Length == 0) throw new ArgumentException("The access token is empty.", nameof(token));
            _token = token.Copy();
            _token.MakeReadOnly();
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
