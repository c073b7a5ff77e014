// A record's page: above the kit's frame and the features whose panels it shows (history, exporting,
// briefings), below the views of each record type, so none of those features imports another back.
export { default as RecordPage } from './RecordPage.vue'
