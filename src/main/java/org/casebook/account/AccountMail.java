package org.casebook.account;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the links that verify an address or reset a password. Without a mail server
 * ({@code spring.mail.host} unset) the link is written to the log instead, so that a
 * Casebook run on a laptop can still be signed up to.
 */
@Component
class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final String from;

	AccountMail(ObjectProvider<JavaMailSender> sender, MessageSource messages,
			@Value("${casebook.mail.from}") String from) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
	}

	/**
	 * Sends one mail made of the messages {@code mail.<kind>.subject} and
	 * {@code mail.<kind>.body}, the body given the name and the link.
	 * @return whether it left (or, without a mail server, was logged)
	 */
	boolean send(String kind, Account to, String link, Locale locale) {
		String subject = this.messages.getMessage("mail." + kind + ".subject", null, locale);
		String body = this.messages.getMessage("mail." + kind + ".body", new Object[] { to.getDisplayName(), link },
				locale);
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.info("No mail server (spring.mail.host): '{}' for {} would carry {}", subject, to.getEmail(), link);
			return true;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to.getEmail());
		message.setSubject(subject);
		message.setText(body);
		try {
			mail.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not send '{}' to {}: {}", subject, to.getEmail(), ex.getMessage());
			return false;
		}
	}

}
