/** What Google Alerts sends: Atom, titles as escaped HTML, links wrapped in a redirect. */
export const GOOGLE_ALERTS_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
  <id>tag:google.com,2005:reference:alerts</id>
  <title>Google Alerts - &quot;Dr Lefort&quot;</title>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:1111</id>
    <title type="html">Avis sur le &lt;b&gt;Dr Lefort&lt;/b&gt; &amp;#39;à fuir&amp;#39;</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://forum.example/sujet/42&amp;ct=ga&amp;usg=AF" />
    <published>2026-01-28T07:15:00Z</published>
    <updated>2026-01-28T07:15:00Z</updated>
  </entry>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:2222</id>
    <title type="html">Un lien en clair</title>
    <link href="http://insecure.example/page" />
    <updated>2026-01-27T07:15:00Z</updated>
  </entry>
</feed>`;
