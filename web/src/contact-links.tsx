/** Contact points as links a phone opens: tel:, sms:, mailto:, the website. Phones written in full for print. */
import type { ContactChannel } from "../../generated/web-client/graphql";
import { useText } from "./i18n/text";

export interface Contact {
  id: string;
  channel: ContactChannel;
  value: string;
  label?: string | null;
}

const dialable = (value: string) => value.replace(/[^\d+]/g, "");

export function hrefOf(channel: ContactChannel, value: string): string {
  switch (channel) {
    case "PHONE":
      return `tel:${dialable(value)}`;
    case "SMS":
      return `sms:${dialable(value)}`;
    case "EMAIL":
      return `mailto:${value}`;
    default:
      return /^https?:\/\//.test(value) ? value : `https://${value}`;
  }
}

export function ContactLinks({ contacts }: { contacts: Contact[] }) {
  const { t } = useText();
  if (contacts.length === 0) return null;
  const channelName: Record<ContactChannel, string> = { PHONE: t.contactPhone, SMS: t.contactSms, EMAIL: t.contactEmail, WEB: t.contactWeb, CHAT: t.contactChat };
  return (
    <ul class="contacts">
      {contacts.map((c) => (
        <li key={c.id}>
          <span class="contact-channel">{channelName[c.channel]}</span>{" "}
          <a href={hrefOf(c.channel, c.value)} rel="noreferrer">
            {c.value}
          </a>
          {c.label ? <span class="contact-label"> — {c.label}</span> : null}
        </li>
      ))}
    </ul>
  );
}
