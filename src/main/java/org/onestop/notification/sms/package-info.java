/**
 * SMS providers behind {@link org.onestop.notification.SmsGateway}: Aliyun's Dysmsapi
 * (signed RPC calls, its answers sorted into outcomes) and the endpoint where providers
 * push their delivery receipts, handed to
 * {@link org.onestop.notification.DeliveryReceipts}. How to add another provider:
 * {@code docs/sms-providers.md}.
 */
package org.onestop.notification.sms;
