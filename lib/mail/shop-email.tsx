import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { SITE_NAME, SITE_TAGLINE } from "@/lib/site";

/** What one email says: the shop's layout (shop-email.tsx) turns it into HTML and plain text. */
export type MailContent = {
  /** The inbox preview line. */
  preview: string;
  heading: string;
  paragraphs: string[];
  /** Label/amount rows, e.g. order lines and totals. */
  rows?: { label: string; value: string; strong?: boolean }[];
  button?: { label: string; href: string };
  /** Small print under the button (why you got this, how long a link lasts). */
  note?: string;
};

// The shop's look (app/globals.css), inlined: mail clients ignore stylesheets.
const colors = { canvas: "#faf6f0", surface: "#ffffff", ink: "#2b2118", muted: "#6a5d52", accent: "#9f4421", line: "#e4dacd" };
const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export function ShopEmail({ content }: { content: MailContent }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{content.preview}</Preview>
      <Body style={{ backgroundColor: colors.canvas, fontFamily: font, color: colors.ink, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: 560, backgroundColor: colors.surface, border: `1px solid ${colors.line}`, borderRadius: 12, padding: "24px 28px" }}>
          <Text style={{ fontSize: 20, fontWeight: 700, color: colors.accent, margin: "0 0 4px" }}>{SITE_NAME}</Text>
          <Text style={{ fontSize: 12, color: colors.muted, margin: "0 0 16px" }}>{SITE_TAGLINE}</Text>
          <Heading as="h1" style={{ fontSize: 22, lineHeight: "28px", margin: "0 0 12px" }}>
            {content.heading}
          </Heading>
          {content.paragraphs.map((p, i) => (
            <Text key={i} style={{ fontSize: 15, lineHeight: "22px", margin: "0 0 12px" }}>
              {p}
            </Text>
          ))}
          {content.rows?.length ? (
            <Section style={{ borderTop: `1px solid ${colors.line}`, borderBottom: `1px solid ${colors.line}`, margin: "8px 0 16px", padding: "8px 0" }}>
              {content.rows.map((r, i) => (
                <Text key={i} style={{ fontSize: 14, lineHeight: "20px", margin: "4px 0", fontWeight: r.strong ? 700 : 400 }}>
                  {r.label}: {r.value}
                </Text>
              ))}
            </Section>
          ) : null}
          {content.button ? (
            <Button
              href={content.button.href}
              style={{ backgroundColor: colors.accent, color: "#ffffff", borderRadius: 999, padding: "12px 22px", fontSize: 15, fontWeight: 600, textDecoration: "none" }}
            >
              {content.button.label}
            </Button>
          ) : null}
          {content.button ? <Text style={{ fontSize: 12, color: colors.muted, margin: "12px 0 0" }}>Or open this link: {content.button.href}</Text> : null}
          {content.note ? <Text style={{ fontSize: 12, color: colors.muted, margin: "16px 0 0" }}>{content.note}</Text> : null}
          <Hr style={{ borderColor: colors.line, margin: "20px 0 12px" }} />
          <Text style={{ fontSize: 12, color: colors.muted, margin: 0 }}>{SITE_NAME} · home décor & gifts, delivered by cargo bike and electric van where we can.</Text>
        </Container>
      </Body>
    </Html>
  );
}
