// Page noise: lines a reader site, x.com or a clipper adds around a thread (ads, menus, view counts,
// prompts, link-card boilerplate), each with the reason it is removed; and lines that only look like it.

/** Why a line is page noise, or undefined when it is not. `feed` starts a "More from @…" feed. */
export interface NoiseMatch {
  reason: string;
  /** Everything after this line is someone's feed or the page after the thread, not the thread. */
  feed?: boolean;
  /** Why the lines after a `feed` line are removed (when no rule names them). */
  after?: string;
}

const RULES: [RegExp, string][] = [
  // Ads and the banner asking to turn off ad blockers.
  [/^(advertisements?|sponsored|promoted|ads?|remove ads|report (this )?ad|hide (this )?ad)$/, 'ad'],
  [/\badblock(er)?s?\b/, 'ad-blocker banner'],
  // Reader-site menus and calls to action.
  [/^(actions|update thread|what you can do|visual editor|visual editor carousel maker( new)?|carousel maker( new)?)$/, 'reader-site menu'],
  [/^(download as pdf|save to notion|export as markdown|save as pdf|print|copy link|share|share this (page|thread)!?|linkedin (&|and) instagram carousel maker)$/, 'reader-site menu'],
  [/^(create (a )?free account|includes \d+-day premium trial|become (a )?premium( member)?.*|go premium|upgrade to premium|log ?in|sign ?in|sign ?up|register|subscribe|follow|unfollow|home|menu|search)$/, 'reader-site menu'],
  [/^(thread reader( app)?|thread by @\w+( on thread reader app)?( [–—|-] thread reader( app)?)?|enjoying this thread\??|don'?t miss the next one!?|read (it )?on (twitter|x)|view (it )?on (twitter|x)|open (it )?(in|on) (twitter|x))$/, 'reader-site menu'],
  // View counts and engagement numbers.
  [/^[\d.,]+\s*[km]?\s+views?\b.*$/, 'view count'],
  [/^views?$/, 'view count'],
  [/^([\d.,]+\s*[km]?\s+(views?|likes?|reposts?|retweets?|replies|reply|quotes?|bookmarks?)\s*[·•|,]?\s*)+$/, 'engagement counts'],
  [/^,?\s*\d+\s+(tweets|posts),\s*\d+\s+min(ute)?s? read$/, 'reader-site thread info'],
  [/^([a-z]{3,9}\.? \d{1,2}(,? \d{4})?\s*[•·]\s*)?\d+\s+(tweets|posts)\s*[•·]\s*\d+\s+min(ute)?s? read(\s*[•·]\s*(read on (x|twitter))?)?$/, 'reader-site thread info'],
  [/^read \d+ (tweets|posts)$/, 'reader-site feed'],
  [/^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(,? \d{4})?\s*[•·]$/, 'date'],
  [/^\d+\s+min(ute)?s? read$/, 'reader-site thread info'],
  // Reader-site prompts (unroll, refresh, PDF, donations).
  [/^missing some (tweets?|posts?) in this thread\??.*$/, 'reader-site prompt'],
  [/^(you can )?(try to )?force a refresh\.?$/, 'reader-site prompt'],
  [/^(@threadreaderapp unroll|unroll|unroll (this|a) thread|try unrolling a thread yourself!?|.*mention us with (a|the) keyword "?unroll"?.*|follow @threadreaderapp to mention us!?|practice here first or read more on our help page\s*!?)$/, 'unroll prompt'],
  [/^(enter url or id to unroll|unroll thread|you can paste (the )?full url like:?.*|or just the id like:?.*|how to get (the )?url link on (x|twitter).*|on the twitter thread, click on .*|click again on .*share via icon|click on copy link to tweet|paste it above and click .*unroll thread.*|more info at twitter help|twitter help)$/, 'unroll prompt'],
  [/^(this (thread|content) may be removed any ?time!?|(twitter|x) may remove this content at any ?time!?.*|get real-time email alerts.*|stay in touch and get notified.*|did thread reader help you today\??|support us!? we are indie developers!?|read more about how we.*|don'?t want to be a premium member.*|make a small donation.*|donate via paypal|or donate anonymously using crypto!?|thank you for your support!?|help us keep running.*|keep current with.*|this site is made by.*indie developers.*)$/, 'reader-site prompt'],
  [/^(×|email|scrolly|bookmark|gift link|save this thread as pdf|read all threads|add to "?my authors"?|send email!?|email the whole thread( instead of just a link)?!?|separate emails with commas|message|here'?s a great thread you should read right now!?|send thread as email!?|email successfully sent!?|follow us!?|become premium|copy)$/, 'reader-site menu'],
  // Donation blocks: coin names and wallet addresses.
  [/^(ethereum|bitcoin|btc|eth|usdt|solana|litecoin|dogecoin)( address)?:?$/, 'donation prompt'],
  [/^0x[0-9a-f]{40}( copy)?$/, 'donation prompt (wallet address)'],
  [/^(?=\S*\d)(bc1[a-z0-9]{25,60}|[13][a-z0-9]{25,34})( copy)?$/, 'donation prompt (wallet address)'],
  [/^(help|about|tos|privacy)(\s*\|\s*(help|about|tos|privacy))*\s*\|?$/, 'reader-site footer'],
  // x.com page furniture.
  [/^(show (more|less|this thread|replies|more replies|additional replies.*|probable spam)|translate (post|tweet)|post your reply|reply|repost|reposted|retweet|retweeted|like|quote|bookmark|who to follow|relevant people|trending now|what'?s happening|new to x\?|don'?t miss what'?s happening|people on x are the first to know\.?|read \d+ repl(y|ies))$/, 'x.com page text'],
  [/^(terms of service|privacy policy|cookie policy|accessibility|ads info)(\s*[·|]\s*(terms of service|privacy policy|cookie policy|accessibility|ads info|more|…|\.\.\.))*$/, 'x.com page text'],
  [/^© \d{4} (x|twitter),? (corp|inc)\.?$/, 'x.com page text'],
  [/^(post|thread|conversation)$/, 'x.com page text'],
  [/^\d{1,2}:\d{2}\s*(am|pm)?\s*·\s*[a-z]{3,9}\.? \d{1,2},? \d{4}(\s*·\s*[\d.,]+[km]?\s+views?)?$/, "x.com post time"],
  [/^replying to @\w+((,| and) @?\w+| and \d+ others?)*$/, 'x.com page text'],
  [/^(discover more|sourced from across x|who can reply\??.*|show translation|pinned|sign up now to get your own personalized timeline!?|create (an )?account|sign up with (google|apple)|by signing up, you agree to the terms of service.*|something went wrong\.? try reloading\.?|retry|see new posts|to view keyboard shortcuts, press question mark|view keyboard shortcuts|last edited \d{1,2}:\d{2}.*|copy link|click to follow \S+|subscribe to @?\w+|see more|log in to x|sign in to x)$/, 'x.com page text'],
  // Link-card boilerplate.
  [/^from [a-z0-9-]+(\.[a-z0-9-]+)+$/, 'link card'],
];

const FEED = /^(more (threads )?(from|by) @?\S.*|more from this author|related threads|trending threads)$/;

/** The line with list bullets, Markdown emphasis and link syntax removed, lower-cased, for matching. */
export function normaliseForMatch(line: string): string {
  return line
    .trim()
    .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1')
    .replace(/^(#{1,6}\s+|>\s*)+/, '')
    .replace(/^([•·▪◦*+-]|\d+\.)\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Leftovers of HTML a clipper cut open: `thread#showTweet" data-tweet="1" dir="auto">`, `data-label="">`. */
const RESIDUE = /^([\w-]+#[\w-]+"|([\w:-]+="[^"]*"\s*)+\/?>)/;
const LINK_CARD_LINES = [
  // [![](…/sticky-note.png)](url): a reader page's link-card icon.
  /^\[!\[[^\]]*\]\([^)]*sticky-note[^)]*\)\]\([^)]*\)$/i,
  // [**Card title** description](url) [url](url)
  /^\[\*\*[^*\]]+\*\*\s*[^\]]+\]\(\S+?\)(\s*\[[^\]]+\]\(\S+?\))?$/,
  /^\[\*\*[^*\]]+\*\*\s*\]\(\S+?\)\s*\[[^\]]+\]\(\S+?\)$/,
];
const END = /^missing some (tweets?|posts?) in this thread\??.*$/;

export function noiseReason(line: string): NoiseMatch | undefined {
  const raw = line.trim();
  if (RESIDUE.test(raw)) return { reason: 'HTML residue' };
  if (/^([•·]\s*){3,}$/.test(raw)) return { reason: 'separator' };
  if (LINK_CARD_LINES.some((re) => re.test(raw))) return { reason: 'link card' };
  const s = normaliseForMatch(line);
  if (!s) return undefined;
  if (FEED.test(s)) return { reason: '"More from" feed', feed: true };
  if (END.test(s)) return { reason: 'reader-site prompt', feed: true, after: 'reader page after the thread' };
  for (const [re, reason] of RULES) if (re.test(s)) return { reason };
  return undefined;
}

const SUSPECT = /(thread#\w+|data-(tweet|screenname)=)|\b(advertis\w*|sponsored|promoted|adblock|unroll\w*|thread ?reader|download as pdf|save to notion|carousel maker|create (a )?free account|force a refresh|\d[\d.,]*\s*[km]?\s+views)\b/i;

/** A kept line that looks like page text (a noise word in a longer line): flagged, never removed. */
export function looksLikeNoise(line: string): boolean {
  const s = line.trim();
  return s.length > 0 && s.length <= 160 && SUSPECT.test(s) && !noiseReason(s);
}

/**
 * Removes the lines after a feed or the thread's end: each with its own noise reason, else `reason`
 * (a "More from @…" line among them switches it to the feed's). Returns the reason in force at the end.
 */
export function removeRest(lines: readonly { n: number; text: string }[], log: { remove(line: number, text: string, reason: string): void }, reason: string): string {
  let current = reason;
  for (const l of lines) {
    const noise = noiseReason(l.text);
    if (noise?.feed) current = noise.after ?? '"More from" feed';
    log.remove(l.n, l.text, noise?.reason ?? current);
  }
  return current;
}
