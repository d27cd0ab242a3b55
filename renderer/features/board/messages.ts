import { defineMessages } from '../../i18n/define';

export const boardMessages = defineMessages({}, {});
